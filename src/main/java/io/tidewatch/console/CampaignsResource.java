package io.tidewatch.console;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.campaign.CampaignDetail;
import io.tidewatch.campaign.CampaignOverview;
import io.tidewatch.campaign.CampaignRequest;
import io.tidewatch.campaign.CampaignRequest.RefJson;
import io.tidewatch.campaign.CampaignService;
import io.tidewatch.group.GroupService;
import io.tidewatch.landingpage.PageService;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.report.ResultExport;
import io.tidewatch.sendingprofile.SendingProfileService;
import io.tidewatch.session.Session;
import io.tidewatch.template.TemplateService;

/**
 * {@code /console/orgs/{id}/campaigns}: campaigns with their funnel; a new campaign launched through the campaign
 * service (the API's rules and audit); a campaign's live results, whose region the console script refreshes from
 * {@code /live} every few seconds (without the script the page shows the results as loaded); completion and deletion,
 * each confirmed; the results as CSV. Everyone reads; operators and admins launch, complete and delete.
 */
@Path("/console/orgs/{orgId}/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignsResource {

    /** The campaign page lists this many recipients (the CSV has them all). */
    static final int SHOWN_RESULTS = 500;
    /** ...and this many of the latest timeline entries. */
    static final int SHOWN_EVENTS = 100;
    /** Seconds between refreshes of a running campaign's results. */
    static final int REFRESH_SECONDS = 4;

    private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("Campaign name", "name"),
            Map.entry("No groups", "groups"), Map.entry("Group not found", "groups"), Map.entry("No targets", "groups"),
            Map.entry("No email template", "template"), Map.entry("Template not found", "template"),
            Map.entry("No landing page", "page"), Map.entry("Page not found", "page"),
            Map.entry("No sending profile", "profile"), Map.entry("Sending profile not found", "profile"),
            Map.entry("The launch date must be before", "send_by_date"));

    private static final Map<String, String> DONE = Map.of("launched", "The campaign was created: its e-mail is on its way"
            + " (or waits for the launch date).", "completed", "The campaign was completed: nothing more is sent or recorded.",
            "deleted", "The campaign and its results were deleted.");

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final CampaignService campaigns;
    private final ResultExport export;
    private final TemplateService templates;
    private final PageService landingPages;
    private final SendingProfileService profiles;
    private final GroupService groups;

    CampaignsResource(Session session, Console console, ConsolePages pages, CampaignService campaigns,
            ResultExport export, TemplateService templates, PageService landingPages, SendingProfileService profiles,
            GroupService groups) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.campaigns = campaigns;
        this.export = export;
        this.templates = templates;
        this.landingPages = landingPages;
        this.profiles = profiles;
        this.groups = groups;
    }

    /** The list, the form, the campaign page and its live region. */
    @CheckedTemplate(basePath = "console/campaigns")
    static class Templates {

        static native TemplateInstance campaigns(Shell shell, long orgId, List<CampaignOverview> campaigns,
                boolean canEdit, String done);

        static native TemplateInstance campaignForm(Shell shell, long orgId, CampaignForm form, Choices choices,
                FormErrors errors);

        static native TemplateInstance campaign(Shell shell, long orgId, CampaignDetail campaign, String live,
                boolean canEdit, String done, int refreshSeconds);

        static native TemplateInstance live(long orgId, CampaignDetail campaign, int shownResults);
    }

    /** One option of a select: its value and what it shows. */
    public record Choice(String value, String label) {
    }

    /** What the form offers to build a campaign from. */
    public record Choices(List<Choice> templates, List<Choice> pages, List<Choice> profiles, List<Choice> groups) {

        /** True when every list has something to choose. */
        public boolean complete() {
            return !templates.isEmpty() && !pages.isEmpty() && !profiles.isEmpty() && !groups.isEmpty();
        }

        /** How many groups the list shows at once. */
        public int groupRows() {
            return Math.max(3, Math.min(8, groups.size()));
        }
    }

    /** The form's values as typed: references are the chosen ids, dates as the browser sends them (UTC). */
    public record CampaignForm(String name, String template, String page, String profile, List<String> groups,
            String url, String launchDate, String sendByDate) {

        /** True when {@code value} is among the chosen groups. */
        public boolean hasGroup(String value) {
            return groups.contains(value);
        }

        CampaignRequest request() {
            return new CampaignRequest(name, ref(template), ref(page), ref(profile), url, utc(launchDate, "launch_date"),
                    utc(sendByDate, "send_by_date"), groups.stream().map(CampaignForm::ref).toList(), null);
        }

        private static RefJson ref(String id) {
            if (id == null || id.isBlank()) {
                return null;
            }
            try {
                return new RefJson(Long.parseLong(id.trim()), null);
            } catch (NumberFormatException e) {
                return new RefJson(null, id.trim());
            }
        }

        /** A {@code datetime-local} value read as UTC, in RFC 3339; empty stays empty (launch now, no send-by). */
        private static String utc(String value, String field) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.trim()).atOffset(ZoneOffset.UTC).toString();
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(field + ": enter a date and time as YYYY-MM-DDTHH:MM (UTC)");
            }
        }
    }

    @GET
    public Response list(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        return pages.html(200, Templates.campaigns(pages.shell("Campaigns", "campaigns"), orgId, campaigns.overviews(-1),
                canEdit(), ConsolePages.notice(DONE, done)));
    }

    @GET
    @Path("new")
    public Response newCampaign(@RestPath long orgId) {
        session.require();
        console.require(OrgRole.OPERATOR);
        return form(orgId, new CampaignForm("", "", "", "", List.of(), "", "", ""), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestPath long orgId, @RestForm String name, @RestForm String template,
            @RestForm String page, @RestForm String profile, @RestForm("groups") List<String> chosen, @RestForm String url,
            @RestForm("launch_date") String launchDate, @RestForm("send_by_date") String sendByDate,
            @RestForm("csrf_token") String csrf) {
        session.require();
        CampaignForm form = new CampaignForm(nz(name), nz(template), nz(page), nz(profile),
                chosen == null ? List.of() : List.copyOf(chosen), nz(url), nz(launchDate), nz(sendByDate));
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.OPERATOR);
            long id = campaigns.create(form.request()).id();
            return pages.redirect(base(orgId) + "/" + id + "?done=launched");
        } catch (ApiException e) {
            return form(orgId, form, FormErrors.of(e, ALIASES));
        }
    }

    @GET
    @Path("{id}")
    public Response show(@RestPath long orgId, @RestPath long id, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        CampaignDetail campaign = find(id);
        return pages.html(200, Templates.campaign(pages.shell(campaign.overview().name(), "campaigns"), orgId, campaign,
                Templates.live(orgId, campaign, SHOWN_RESULTS).render(), canEdit(), ConsolePages.notice(DONE, done),
                REFRESH_SECONDS));
    }

    /** The live region alone: what the campaign page's script swaps in. */
    @GET
    @Path("{id}/live")
    public Response live(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.VIEWER);
        return pages.html(200, Templates.live(orgId, find(id), SHOWN_RESULTS));
    }

    @GET
    @Path("{id}/results.csv")
    @Produces("text/csv")
    public Response csv(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.VIEWER);
        long campaignId = export.existing(Long.toString(id));
        return Response.ok((StreamingOutput) out -> export.write(campaignId, out), "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"campaign-" + campaignId + "-results.csv\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("{id}/complete")
    public Response confirmComplete(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.OPERATOR);
        CampaignOverview campaign = find(id).overview();
        String page = base(orgId) + "/" + id;
        return pages.html(200, new Confirmation("Complete the campaign " + campaign.name() + "?",
                "E-mail not sent yet is cancelled, and the phishing links stop recording anything for this campaign."
                        + " Its results so far are kept. This cannot be undone.",
                page + "/complete", "Complete the campaign", page).page(pages.shell("Complete a campaign", "campaigns")));
    }

    @POST
    @Path("{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response complete(@RestPath long orgId, @RestPath long id, @RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.require(OrgRole.OPERATOR);
        campaigns.complete(id);
        return pages.redirect(base(orgId) + "/" + id + "?done=completed");
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.OPERATOR);
        CampaignOverview campaign = find(id).overview();
        String page = base(orgId) + "/" + id;
        return pages.html(200, new Confirmation("Delete the campaign " + campaign.name() + "?",
                "Its " + campaign.funnel().total() + " results and its timeline are deleted with it, and e-mail not sent"
                        + " yet is cancelled. Download the results first if you need them. This cannot be undone.",
                page + "/delete", "Delete the campaign", page).page(pages.shell("Delete a campaign", "campaigns")));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath long orgId, @RestPath long id, @RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.require(OrgRole.OPERATOR);
        campaigns.delete(id);
        return pages.redirect(base(orgId) + "?done=deleted");
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private CampaignDetail find(long id) {
        return campaigns.detail(id, SHOWN_RESULTS, SHOWN_EVENTS)
                .orElseThrow(() -> ApiException.notFound("Campaign not found"));
    }

    private boolean canEdit() {
        return console.role().atLeast(OrgRole.OPERATOR);
    }

    private Response form(long orgId, CampaignForm form, FormErrors errors) {
        Choices choices = new Choices(
                templates.list(Paging.ALL).stream().map(t -> new Choice(Long.toString(t.id()), t.name())).toList(),
                landingPages.list(Paging.ALL).stream().map(p -> new Choice(Long.toString(p.id()), p.name())).toList(),
                profiles.list(Paging.ALL).stream().map(p -> new Choice(Long.toString(p.id()), p.name())).toList(),
                groups.summaries(Paging.ALL).groups().stream().map(g -> new Choice(Long.toString(g.id()),
                        g.name() + " (" + g.numTargets() + (g.numTargets() == 1 ? " recipient)" : " recipients)")))
                        .toList());
        return pages.html(errors.any() ? errors.status() : 200,
                Templates.campaignForm(pages.shell("New campaign", "campaigns"), orgId, form, choices, errors));
    }

    private static String base(long orgId) {
        return "/console/orgs/" + orgId + "/campaigns";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
