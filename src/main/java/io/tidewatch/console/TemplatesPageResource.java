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
import io.tidewatch.gotemplate.GoTemplate;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.session.Session;
import io.tidewatch.template.AttachmentJson;
import io.tidewatch.template.TemplateRequest;
import io.tidewatch.template.TemplateService;
import io.tidewatch.template.TemplateView;

/**
 * {@code /console/orgs/{id}/templates}: e-mail templates. Everyone in the organization reads them; operators and admins
 * write them in Gophish's syntax with a rendered preview (sample recipient values), and a variable the renderer does
 * not know is reported beside its field, with its line, before anything is saved.
 */
@Path("/console/orgs/{orgId}/templates")
@Produces(MediaType.TEXT_HTML)
public class TemplatesPageResource {

    private static final Map<String, String> ALIASES = Map.of("Template name", "name", "Need to specify", "text");

    private static final Map<String, String> DONE = Map.of("saved", "The template was saved.",
            "deleted", "The template was deleted.");

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final TemplateService templates;

    TemplatesPageResource(Session session, Console console, ConsolePages pages, TemplateService templates) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.templates = templates;
    }

    /** The list and the editor. */
    @CheckedTemplate(basePath = "console/templates")
    static class Templates {

        static native TemplateInstance templates(Shell shell, long orgId, List<TemplateView> templates, boolean canEdit,
                String done);

        static native TemplateInstance template(Shell shell, long orgId, TemplateForm form, Preview preview,
                boolean canEdit, FormErrors errors);
    }

    /** The editor's values, as typed. */
    public record TemplateForm(Long id, String name, String subject, String envelopeSender, String text, String html) {

        static TemplateForm of(TemplateView t) {
            return new TemplateForm(t.id(), t.name(), t.subject(), t.envelopeSender(), t.text(), t.html());
        }

        /** The form's target. */
        public String action(long orgId) {
            return "/console/orgs/" + orgId + "/templates" + (id == null ? "" : "/" + id);
        }
    }

    /** The message rendered for a sample recipient (Foo Bar, foo@bar.com); null parts did not render. */
    public record Preview(String subject, String text, String html) {
    }

    @GET
    public Response list(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        return pages.html(200, Templates.templates(pages.shell("Templates", "templates"), orgId,
                templates.list(Paging.ALL), console.role().atLeast(OrgRole.OPERATOR), ConsolePages.notice(DONE, done)));
    }

    @GET
    @Path("new")
    public Response newTemplate(@RestPath long orgId) {
        session.require();
        console.require(OrgRole.OPERATOR);
        TemplateForm form = new TemplateForm(null, "", "", "", "",
                "<html><body>\n<p>Hello {{.FirstName}},</p>\n<p><a href=\"{{.URL}}\">Open the document</a></p>\n"
                        + "{{.Tracker}}\n</body></html>");
        return editor(orgId, form, FormErrors.none());
    }

    @GET
    @Path("{id}")
    public Response edit(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.VIEWER);
        TemplateView template = templates.find(id).orElseThrow(() -> ApiException.notFound("Template not found"));
        return editor(orgId, TemplateForm.of(template), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestPath long orgId, @RestForm String name, @RestForm String subject,
            @RestForm("envelope_sender") String envelopeSender, @RestForm String text, @RestForm String html,
            @RestForm String intent, @RestForm("csrf_token") String csrf) {
        return save(orgId, new TemplateForm(null, name, subject, envelopeSender, text, html), intent, csrf);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath long orgId, @RestPath long id, @RestForm String name, @RestForm String subject,
            @RestForm("envelope_sender") String envelopeSender, @RestForm String text, @RestForm String html,
            @RestForm String intent, @RestForm("csrf_token") String csrf) {
        return save(orgId, new TemplateForm(id, name, subject, envelopeSender, text, html), intent, csrf);
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.OPERATOR);
        TemplateView template = templates.find(id).orElseThrow(() -> ApiException.notFound("Template not found"));
        String base = "/console/orgs/" + orgId + "/templates";
        return pages.html(200, new Confirmation("Delete the template " + template.name() + "?",
                "Campaigns already launched keep their copy of it. This cannot be undone.", base + "/" + id + "/delete",
                "Delete the template", base + "/" + id).page(pages.shell("Delete a template", "templates")));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath long orgId, @RestPath long id, @RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.require(OrgRole.OPERATOR);
        templates.delete(id);
        return pages.redirect("/console/orgs/" + orgId + "/templates?done=deleted");
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private Response save(long orgId, TemplateForm form, String intent, String csrf) {
        session.require();
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.OPERATOR);
            FormErrors syntax = syntax(form);
            if (syntax.any() || "preview".equals(intent)) {
                return editor(orgId, form, syntax);
            }
            List<AttachmentJson> attachments = form.id() == null ? List.of()
                    : templates.find(form.id()).map(TemplateView::attachments).orElse(List.of());
            TemplateRequest request = new TemplateRequest(form.id(), form.name(), form.envelopeSender(), form.subject(),
                    form.text(), form.html(), attachments);
            TemplateView saved = form.id() == null ? templates.create(request) : templates.update(form.id(), request);
            return pages.redirect("/console/orgs/" + orgId + "/templates/" + saved.id() + "?done=saved");
        } catch (ApiException e) {
            return editor(orgId, form, FormErrors.of(e, ALIASES));
        }
    }

    /** Unknown variables and broken actions, per field, as the renderer reports them. */
    private static FormErrors syntax(TemplateForm form) {
        for (Map.Entry<String, String> field : Map.of("subject", text(form.subject()), "text", text(form.text()), "html",
                text(form.html())).entrySet()) {
            try {
                GoTemplate.validate(field.getValue(), PhishingContext.VARIABLES);
            } catch (TemplateException e) {
                return FormErrors.field(field.getKey(), e.describe(null));
            }
        }
        return FormErrors.none();
    }

    private Response editor(long orgId, TemplateForm form, FormErrors errors) {
        String title = form.id() == null ? "New template" : text(form.name());
        return pages.html(errors.any() ? errors.status() : 200, Templates.template(pages.shell(title, "templates"), orgId,
                form, preview(form), console.role().atLeast(OrgRole.OPERATOR), errors));
    }

    private static Preview preview(TemplateForm form) {
        PhishingContext sample = PhishingContext.dummy();
        return new Preview(render(sample, form.subject(), false), render(sample, form.text(), false),
                render(sample, form.html(), true));
    }

    private static String render(PhishingContext sample, String source, boolean html) {
        try {
            return sample.render(text(source), html);
        } catch (TemplateException e) {
            return null;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
