package io.tidewatch.console;

import java.util.List;
import java.util.Map;

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
import io.tidewatch.landingpage.PageRequest;
import io.tidewatch.landingpage.PageService;
import io.tidewatch.landingpage.PageView;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.session.Session;

/**
 * {@code /console/orgs/{id}/landing-pages}: the pages a phishing link opens. Everyone reads them; operators and admins
 * write them, choose whether submitted credentials (and passwords) are captured, and where the page redirects after.
 */
@Path("/console/orgs/{orgId}/landing-pages")
@Produces(MediaType.TEXT_HTML)
public class LandingPagesResource {

    private static final Map<String, String> ALIASES = Map.of("Page Name", "name", "Page name", "name");

    private static final Map<String, String> DONE = Map.of("saved", "The landing page was saved.",
            "deleted", "The landing page was deleted.");

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final PageService landingPages;

    LandingPagesResource(Session session, Console console, ConsolePages pages, PageService landingPages) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.landingPages = landingPages;
    }

    /** The list and the editor. */
    @CheckedTemplate(basePath = "console/landingpages")
    static class Templates {

        static native TemplateInstance landingPages(Shell shell, long orgId, List<PageView> pages, boolean canEdit,
                String done);

        static native TemplateInstance landingPage(Shell shell, long orgId, PageForm form, boolean canEdit,
                FormErrors errors);
    }

    /** The editor's values, as typed. */
    public record PageForm(Long id, String name, String html, boolean captureCredentials, boolean capturePasswords,
            String redirectUrl) {

        static PageForm of(PageView p) {
            return new PageForm(p.id(), p.name(), p.html(), p.captureCredentials(), p.capturePasswords(), p.redirectUrl());
        }

        /** The form's target. */
        public String action(long orgId) {
            return "/console/orgs/" + orgId + "/landing-pages" + (id == null ? "" : "/" + id);
        }
    }

    @GET
    public Response list(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        return pages.html(200, Templates.landingPages(pages.shell("Landing pages", "landing-pages"), orgId,
                landingPages.list(Paging.ALL), console.role().atLeast(OrgRole.OPERATOR), ConsolePages.notice(DONE, done)));
    }

    @GET
    @Path("new")
    public Response newPage(@RestPath long orgId) {
        session.require();
        console.require(OrgRole.OPERATOR);
        return editor(orgId, new PageForm(null, "", "<html><body>\n<h1>Sign in</h1>\n<form method=\"post\">\n"
                + "<label>E-mail <input name=\"email\"></label>\n<label>Password <input name=\"password\" type=\"password\">"
                + "</label>\n<button>Sign in</button>\n</form>\n</body></html>", true, false, ""), FormErrors.none());
    }

    @GET
    @Path("{id}")
    public Response edit(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.VIEWER);
        return editor(orgId, PageForm.of(find(id)), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestPath long orgId, @RestForm String name, @RestForm String html,
            @RestForm("capture_credentials") String credentials, @RestForm("capture_passwords") String passwords,
            @RestForm("redirect_url") String redirectUrl, @RestForm("csrf_token") String csrf) {
        return save(orgId, new PageForm(null, name, html, credentials != null, passwords != null, redirectUrl), csrf);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath long orgId, @RestPath long id, @RestForm String name, @RestForm String html,
            @RestForm("capture_credentials") String credentials, @RestForm("capture_passwords") String passwords,
            @RestForm("redirect_url") String redirectUrl, @RestForm("csrf_token") String csrf) {
        return save(orgId, new PageForm(id, name, html, credentials != null, passwords != null, redirectUrl), csrf);
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.OPERATOR);
        PageView page = find(id);
        String base = "/console/orgs/" + orgId + "/landing-pages";
        return pages.html(200, new Confirmation("Delete the landing page " + page.name() + "?",
                "Campaigns already launched keep their copy of it. This cannot be undone.", base + "/" + id + "/delete",
                "Delete the landing page", base + "/" + id).page(pages.shell("Delete a landing page", "landing-pages")));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath long orgId, @RestPath long id, @RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.require(OrgRole.OPERATOR);
        landingPages.delete(id);
        return pages.redirect("/console/orgs/" + orgId + "/landing-pages?done=deleted");
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private Response save(long orgId, PageForm form, String csrf) {
        session.require();
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.OPERATOR);
            PageRequest request = new PageRequest(form.id(), form.name(), form.html(), form.captureCredentials(),
                    form.capturePasswords(), form.redirectUrl());
            PageView saved = form.id() == null ? landingPages.create(request) : landingPages.update(form.id(), request);
            return pages.redirect("/console/orgs/" + orgId + "/landing-pages/" + saved.id() + "?done=saved");
        } catch (ApiException e) {
            return editor(orgId, form, FormErrors.of(e, ALIASES));
        }
    }

    private PageView find(long id) {
        return landingPages.find(id).orElseThrow(() -> ApiException.notFound("Page not found"));
    }

    private Response editor(long orgId, PageForm form, FormErrors errors) {
        String title = form.id() == null ? "New landing page" : form.name();
        return pages.html(errors.any() ? errors.status() : 200, Templates.landingPage(pages.shell(title, "landing-pages"),
                orgId, form, console.role().atLeast(OrgRole.OPERATOR), errors));
    }
}
