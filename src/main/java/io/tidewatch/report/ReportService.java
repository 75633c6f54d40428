package io.tidewatch.report;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.account.CallerIdentity;
import io.tidewatch.account.PlatformRole;
import io.tidewatch.branding.AssetKind;
import io.tidewatch.branding.Brand;
import io.tidewatch.branding.BrandAsset;
import io.tidewatch.branding.BrandingService;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.organization.OrganizationDirectory;
import io.tidewatch.organization.OrganizationProfile;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.organization.OrganizationView;
import io.tidewatch.organization.TenantHealth;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.report.ExecutiveReportView.CampaignLine;
import io.tidewatch.report.ExecutiveReportView.Figures;
import io.tidewatch.report.ExecutiveReportView.GroupLine;
import io.tidewatch.report.ExecutiveReportView.Groups;
import io.tidewatch.report.ExecutiveReportView.OrganizationPart;
import io.tidewatch.report.ExecutiveReportView.PeriodPart;
import io.tidewatch.report.ExecutiveReportView.Person;
import io.tidewatch.report.ExecutiveReportView.RepeatClickers;
import io.tidewatch.report.ExecutiveReportView.Training;
import io.tidewatch.report.ExecutiveReportView.Trend;
import io.tidewatch.report.internal.FleetSql;
import io.tidewatch.report.internal.FleetSql.FleetFigures;
import io.tidewatch.report.internal.PdfRenderer;
import io.tidewatch.report.internal.ReportPage;
import io.tidewatch.report.internal.ReportPages;
import io.tidewatch.report.internal.ReportSql;
import io.tidewatch.report.internal.ReportSql.Queries;
import io.tidewatch.report.internal.ReportTemplates;
import io.tidewatch.report.internal.Tally;

/**
 * Computes the executive report of the current tenant once (a handful of aggregate queries in one read transaction)
 * and renders that one set of figures as HTML or PDF; computes the fleet view across the organizations an MSSP
 * caller may see. The console calls these methods directly.
 */
@ApplicationScoped
public class ReportService {

    /** At most this many repeat clickers are listed by name (the count is always complete). */
    public static final int LISTED_CLICKERS = 100;

    static final String GROUP_BASIS = "Results are counted in a group when the recipient's e-mail address is a member"
            + " of that group now; a person in two groups counts in both.";

    private final ReportSql sql;
    private final FleetSql fleetSql;
    private final PdfRenderer pdf;
    private final BrandingService branding;
    private final OrganizationDirectory directory;
    private final OrganizationService organizations;
    private final MembershipService memberships;
    private final TenantHealth health;

    ReportService(ReportSql sql, FleetSql fleetSql, PdfRenderer pdf, BrandingService branding,
            OrganizationDirectory directory, OrganizationService organizations, MembershipService memberships,
            TenantHealth health) {
        this.sql = sql;
        this.fleetSql = fleetSql;
        this.pdf = pdf;
        this.branding = branding;
        this.directory = directory;
        this.organizations = organizations;
        this.memberships = memberships;
        this.health = health;
    }

    /**
     * The executive report of organization {@code orgId}, which must be the tenant the current unit of work acts in;
     * {@code namesVisible} decides whether repeat clickers are listed by name.
     */
    public ExecutiveReportView executive(long orgId, ReportPeriod period, boolean namesVisible) {
        OrganizationProfile org = directory.byId(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
        long started = System.nanoTime();
        ExecutiveReportView view = QuarkusTransaction.requiringNew()
                .call(() -> sql.tenant(q -> compute(q, org, period, namesVisible)));
        Log.debugf("Executive report of organization %d computed in %d ms", orgId, (System.nanoTime() - started) / 1_000_000);
        return view;
    }

    private static ExecutiveReportView compute(Queries q, OrganizationProfile org, ReportPeriod period,
            boolean namesVisible) throws SQLException {
        ReportPeriod before = period.previous();
        List<ReportSql.CampaignTally> tallies = q.campaigns(period.from(), period.to());
        Figures now = figures(q, period, tallies);
        Figures previous = figures(q, before, q.campaigns(before.from(), before.to()));
        List<CampaignLine> campaigns = new ArrayList<>();
        for (ReportSql.CampaignTally c : tallies) {
            campaigns.add(CampaignLine.of(c.id(), c.name(), c.status(), c.launchDate(), c.tally()));
        }
        Optional<List<ReportSql.GroupTally>> groupTallies = q.groups(period.from(), period.to());
        Groups groups = new Groups(groupTallies.isPresent(), GROUP_BASIS, groupTallies.orElse(List.of()).stream()
                .map(g -> GroupLine.of(g.id(), g.name(), g.tally())).toList());
        RepeatClickers repeat;
        if (namesVisible) {
            ReportSql.Clickers clickers = q.repeatClickers(period.from(), period.to(), LISTED_CLICKERS);
            List<Person> people = clickers.people().stream()
                    .map(p -> new Person(p.email(), p.firstName(), p.lastName(), p.campaigns())).toList();
            repeat = new RepeatClickers(clickers.total(), true, people.size(), people);
        } else {
            repeat = new RepeatClickers(q.repeatClickerCount(period.from(), period.to()), false, 0, List.of());
        }
        return new ExecutiveReportView(new OrganizationPart(org.id(), org.name(), org.slug()), PeriodPart.of(period),
                PeriodPart.of(before), Instant.now().truncatedTo(ChronoUnit.SECONDS), now, previous,
                Trend.between(now, previous), campaigns, groups, repeat, Training.notYet());
    }

    /** A period's figures: totals summed from its (already grouped) campaign lines, timing in one more query. */
    private static Figures figures(Queries q, ReportPeriod p, List<ReportSql.CampaignTally> campaigns)
            throws SQLException {
        if (campaigns.isEmpty()) {
            return Figures.of(0, Tally.EMPTY, null, null, 0);
        }
        Tally total = Tally.EMPTY;
        for (ReportSql.CampaignTally c : campaigns) {
            total = total.plus(c.tally());
        }
        ReportSql.Timing timing = q.timing(p.from(), p.to());
        return Figures.of(campaigns.size(), total, timing.medianSecondsToClick(), timing.medianSecondsToReport(),
                timing.botFlaggedClicks());
    }

    /** The report as an HTML page in the organization's brand (any logo type a browser shows). */
    public String html(ExecutiveReportView report) {
        return ReportTemplates.executive(page(report, false)).render();
    }

    /**
     * The report as a branded PDF. Waits for a rendering turn; throws
     * {@link io.tidewatch.report.internal.PdfBusyException} when none comes in time.
     */
    public byte[] pdf(ExecutiveReportView report) {
        String xhtml = ReportTemplates.executive(page(report, true)).render();
        long started = System.nanoTime();
        byte[] document = pdf.render(xhtml);
        Log.debugf("Executive report PDF of organization %d rendered in %d ms (%d bytes)", report.organization().id(),
                (System.nanoTime() - started) / 1_000_000, document.length);
        return document;
    }

    private ReportPage page(ExecutiveReportView report, boolean forPdf) {
        long orgId = report.organization().id();
        Brand brand = branding.brandOf(orgId);
        BrandAsset logo = branding.asset(directory.byId(orgId), AssetKind.LOGO);
        return ReportPages.of(report, brand, dataUri(logo, forPdf));
    }

    /** The logo as a data URI; null for a WebP logo in a PDF, which OpenHTMLtoPDF cannot decode (the name shows). */
    private static String dataUri(BrandAsset logo, boolean forPdf) {
        if (forPdf && "image/webp".equals(logo.contentType())) {
            return null;
        }
        return "data:" + logo.contentType() + ";base64," + Base64.getEncoder().encodeToString(logo.content().get());
    }

    /**
     * The fleet view for an MSSP caller: every organization for MSSP admins, their memberships for MSSP staff;
     * anyone else is refused (403).
     */
    public List<FleetEntryView> fleet(CallerIdentity caller) {
        if (!caller.role().isStaff() || caller.isImpersonating()) {
            throw ApiException.forbidden();
        }
        boolean admin = caller.role() == PlatformRole.MSSP_ADMIN;
        return fleet(admin ? Optional.empty() : Optional.of(memberships.activeOrgIds(caller.accountId())));
    }

    /** The fleet view of these organizations (all active ones when empty), figures over the last 30 days. */
    public List<FleetEntryView> fleet(Optional<List<Long>> orgIds) {
        // Up to now, not to the start of this second: a campaign launched a moment ago is the last campaign.
        Instant to = Instant.now();
        Instant from = to.minus(ReportPeriod.DEFAULT_LENGTH);
        List<FleetEntryView> entries = new ArrayList<>();
        for (OrganizationView org : organizations.list(orgIds)) {
            entries.add(entry(org, from, to));
        }
        return entries;
    }

    private FleetEntryView entry(OrganizationView org, Instant from, Instant to) {
        if (health.isBroken(org.id())) {
            return new FleetEntryView(org.id(), org.name(), org.slug(), org.seatCap(), org.seatsUsed(), null, null, 0, 0,
                    null, null, "n/a", false);
        }
        FleetFigures f = fleetSql.figures(org.id(), from, to);
        Tally t = f.tally();
        return new FleetEntryView(org.id(), org.name(), org.slug(), org.seatCap(), org.seatsUsed(), f.lastCampaignName(),
                f.lastCampaign(), f.campaigns(), t.sent(), ExecutiveReportView.rate(t.clicked(), t.sent()),
                ExecutiveReportView.rate(t.reported(), t.sent()), "n/a", true);
    }
}
