package io.tidewatch.console;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.impersonation.ImpersonationService;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.organization.OrganizationRequest;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.organization.OrganizationView;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.Session;

/**
 * The MSSP's pages: the fleet view (every organization with its seats and campaign figures; staff see the ones they
 * belong to) and creating or editing an organization (MSSP admins). Forms call {@link OrganizationService} with the
 * same checks as {@code /api/organizations/}.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class FleetResource {

    private static final Map<String, String> DONE = Map.of(
            "created", "The organization was created, with its own schema. You are its admin.",
            "saved", "The organization was saved.");

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final OrganizationService organizations;
    private final MembershipService memberships;
    private final FleetFigures figures;

    FleetResource(Session session, Console console, ConsolePages pages, OrganizationService organizations,
            MembershipService memberships, FleetFigures figures) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.organizations = organizations;
        this.memberships = memberships;
        this.figures = figures;
    }

    /** The fleet view and the organization form. */
    @CheckedTemplate(basePath = "console/fleet")
    static class Templates {

        static native TemplateInstance fleet(Shell shell, List<FleetRow> rows, String done);

        static native TemplateInstance organizationForm(Shell shell, OrganizationForm form, FormErrors errors);
    }

    /** One organization in the fleet view, with what the viewer may do there. */
    public record FleetRow(OrganizationView org, boolean member, boolean canEdit, boolean canImpersonate,
            FleetFigures.Figures figures) {

        /** True when the seats are all taken. */
        public boolean full() {
            return org.seatsUsed() >= org.seatCap();
        }
    }

    /** The organization form's values, as typed. */
    public record OrganizationForm(Long id, String name, String slug, String host, String seatCap, String supportUrl) {

        static OrganizationForm of(OrganizationView o) {
            return new OrganizationForm(o.id(), o.name(), o.slug(), o.host(), Integer.toString(o.seatCap()),
                    o.supportUrl());
        }

        /** The form's target. */
        public String action() {
            return id == null ? "/console/organizations" : "/console/organizations/" + id;
        }
    }

    @GET
    @Path("fleet")
    public Response fleet(@RestQuery String done) {
        session.require();
        if (!console.isStaff()) {
            throw ApiException.forbidden();
        }
        List<Long> mine = memberships.activeOrgIds(console.identity().accountId());
        Set<Long> member = new HashSet<>(mine);
        List<OrganizationView> visible = organizations.list(console.isMsspAdmin() ? Optional.empty() : Optional.of(mine));
        boolean impersonate = ImpersonationService.mayImpersonate(console.self());
        Map<Long, FleetFigures.Figures> shown = figures.of(visible.stream().map(OrganizationView::id).toList());
        List<FleetRow> rows = visible.stream()
                .map(o -> new FleetRow(o, member.contains(o.id()), console.isMsspAdmin(), impersonate,
                        shown.getOrDefault(o.id(), FleetFigures.NONE)))
                .toList();
        return pages.html(200, Templates.fleet(pages.shell("Fleet", "fleet"), rows, ConsolePages.notice(DONE, done)));
    }

    @GET
    @Path("organizations/new")
    public Response newOrganization() {
        session.require();
        console.requireMsspAdmin();
        return form(new OrganizationForm(null, "", "", "", "", ""), FormErrors.none());
    }

    @POST
    @Path("organizations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String name, @RestForm String slug, @RestForm String host,
            @RestForm("seat_cap") String seatCap, @RestForm("support_url") String supportUrl,
            @RestForm("csrf_token") String csrf) {
        session.require();
        OrganizationForm form = new OrganizationForm(null, name, slug, host, seatCap, supportUrl);
        try {
            pages.verifyCsrf(csrf);
            console.requireMsspAdmin();
            OrganizationView created = organizations.create(request(form), console.identity().accountId());
            return pages.redirect("/console/orgs/" + created.id() + "?done=created");
        } catch (ApiException e) {
            return form(form, FormErrors.of(e, Map.of()));
        }
    }

    @GET
    @Path("organizations/{id}/edit")
    public Response edit(@RestPath long id) {
        session.require();
        console.requireMsspAdmin();
        OrganizationView org = organizations.find(id).orElseThrow(() -> ApiException.notFound("Organization not found"));
        return form(OrganizationForm.of(org), FormErrors.none());
    }

    @POST
    @Path("organizations/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath long id, @RestForm String name, @RestForm String slug, @RestForm String host,
            @RestForm("seat_cap") String seatCap, @RestForm("support_url") String supportUrl,
            @RestForm("csrf_token") String csrf) {
        session.require();
        OrganizationForm form = new OrganizationForm(id, name, slug, host, seatCap, supportUrl);
        try {
            pages.verifyCsrf(csrf);
            console.requireMsspAdmin();
            organizations.update(id, request(form));
            return pages.redirect("/console/fleet?done=saved");
        } catch (ApiException e) {
            return form(form, FormErrors.of(e, Map.of()));
        }
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private Response form(OrganizationForm form, FormErrors errors) {
        String title = form.id() == null ? "New organization" : "Edit " + form.name();
        Shell shell = pages.shell(title, form.id() == null ? "new-organization" : "fleet");
        return pages.html(errors.any() ? errors.status() : 200, Templates.organizationForm(shell, form, errors));
    }

    private static OrganizationRequest request(OrganizationForm form) {
        return new OrganizationRequest(form.name(), form.slug(), seatCap(form.seatCap()), form.supportUrl(), form.host());
    }

    private static Integer seatCap(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("seat_cap: must be a non-negative integer");
        }
    }
}
