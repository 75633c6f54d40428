package io.tidewatch.console;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.Session;

/**
 * {@code /console}: where a signed-in person lands. An impersonation goes to its organization, MSSP staff to the
 * fleet view, a member of one organization to its dashboard (else their default one), anyone else to a choice of their
 * organizations. {@code /console/switch?org=} is the organization switcher's target.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final MembershipService memberships;

    ConsoleResource(Session session, Console console, ConsolePages pages, MembershipService memberships) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.memberships = memberships;
    }

    /** The landing page when there is no single place to go. */
    @CheckedTemplate(basePath = "console")
    static class Templates {

        static native TemplateInstance home(Shell shell);
    }

    @GET
    public Response home() {
        session.require();
        if (console.identity().isImpersonating()) {
            return pages.redirect("/console/orgs/" + console.identity().impersonatedOrgId());
        }
        if (console.isStaff()) {
            return pages.redirect("/console/fleet");
        }
        List<Long> orgs = memberships.activeOrgIds(console.identity().accountId());
        Long preferred = memberships.defaultOrgOf(console.identity().accountId());
        if (orgs.size() == 1) {
            return pages.redirect("/console/orgs/" + orgs.get(0));
        }
        if (preferred != null && orgs.contains(preferred)) {
            return pages.redirect("/console/orgs/" + preferred);
        }
        return pages.html(200, Templates.home(pages.shell("Your organizations", null)));
    }

    @GET
    @Path("switch")
    public Response switchTo(@RestQuery String org) {
        session.require();
        if (org == null || !org.matches("[1-9][0-9]{0,17}")) {
            return pages.redirect("/console");
        }
        return pages.redirect("/console/orgs/" + org);
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }
}
