package io.tidewatch.console;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.audit.AuditTrail;
import io.tidewatch.campaign.CampaignOverview;
import io.tidewatch.campaign.CampaignService;
import io.tidewatch.organization.MemberView;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.organization.OrganizationView;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.Session;

/**
 * {@code /console/orgs/{id}}: an organization's dashboard: its seats and members, its recent campaigns with their funnel,
 * and the latest entries of its audit log.
 */
@Path("/console/orgs/{orgId}")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    private static final Map<String, String> DONE = Map.of(
            "created", "The organization is ready. Next: brand it, add its members, then build a campaign.");

    /** The dashboard shows this many of the latest campaigns. */
    static final int RECENT_CAMPAIGNS = 5;

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final OrganizationService organizations;
    private final MembershipService memberships;
    private final AuditTrail audit;
    private final CampaignService campaigns;

    DashboardResource(Session session, Console console, ConsolePages pages, OrganizationService organizations,
            MembershipService memberships, AuditTrail audit, CampaignService campaigns) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.organizations = organizations;
        this.memberships = memberships;
        this.audit = audit;
        this.campaigns = campaigns;
    }

    /** The dashboard. */
    @CheckedTemplate(basePath = "console/dashboard")
    static class Templates {

        static native TemplateInstance dashboard(Shell shell, Summary summary, List<AuditTrail.Entry> recent,
                String done);
    }

    /** The organization's figures. */
    public record Summary(OrganizationView org, long members, long admins, boolean canManageMembers, long campaigns,
            List<CampaignOverview> recentCampaigns, boolean canLaunch) {

        /** True when the seats are all taken. */
        public boolean full() {
            return org.seatsUsed() >= org.seatCap();
        }
    }

    @GET
    public Response dashboard(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        OrganizationView org = organizations.find(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
        List<MemberView> members = memberships.list(orgId);
        long admins = members.stream().filter(m -> m.active() && m.role() == OrgRole.ADMIN).count();
        Summary summary = new Summary(org, members.size(), admins, console.role() == OrgRole.ADMIN, campaigns.count(),
                campaigns.overviews(RECENT_CAMPAIGNS), console.role().atLeast(OrgRole.OPERATOR));
        List<AuditTrail.Entry> recent = audit.page(orgId, new AuditTrail.Search(null, null, null, null, null), 8)
                .entries();
        return pages.html(200,
                Templates.dashboard(pages.shell(org.name(), "dashboard"), summary, recent, ConsolePages.notice(DONE, done)));
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }
}
