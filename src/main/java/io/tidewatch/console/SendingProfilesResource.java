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
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.platform.mail.MailAddress;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.sendingprofile.PhishingMessage;
import io.tidewatch.sendingprofile.ProfileRequest;
import io.tidewatch.sendingprofile.ProfileView;
import io.tidewatch.sendingprofile.SendingProfileService;
import io.tidewatch.sendingprofile.SmtpSettings;
import io.tidewatch.sendingprofile.SmtpTransport;
import io.tidewatch.session.Session;
import io.tidewatch.template.TemplateView;

/**
 * {@code /console/orgs/{id}/sending-profiles}: the SMTP servers campaigns send through. Everyone sees them (never a
 * password); org admins create and change them, and send a test e-mail through a saved profile to check it works.
 */
@Path("/console/orgs/{orgId}/sending-profiles")
@Produces(MediaType.TEXT_HTML)
public class SendingProfilesResource {

    private static final Map<String, String> ALIASES = Map.of("SMTP name", "name", "No From Address", "from_address",
            "Invalid SMTP From", "from_address", "No SMTP Host", "host", "Invalid SMTP server", "host");

    private static final Map<String, String> DONE = Map.of("saved", "The sending profile was saved.",
            "deleted", "The sending profile was deleted.", "sent", "The test e-mail was sent.");

    private static final String TEST_SUBJECT = "Test e-mail from Tidewatch";
    private static final String TEST_TEXT = "It works: this sending profile can deliver e-mail.\n\nSent from: {{.From}}\n";

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final SendingProfileService profiles;
    private final SmtpTransport transport;
    private final AuditLog audit;

    SendingProfilesResource(Session session, Console console, ConsolePages pages, SendingProfileService profiles,
            SmtpTransport transport, AuditLog audit) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.profiles = profiles;
        this.transport = transport;
        this.audit = audit;
    }

    /** The list and the editor. */
    @CheckedTemplate(basePath = "console/sendingprofiles")
    static class Templates {

        static native TemplateInstance profiles(Shell shell, long orgId, List<ProfileView> profiles, boolean canEdit,
                String done);

        static native TemplateInstance profile(Shell shell, long orgId, ProfileForm form, boolean canEdit,
                FormErrors errors, String testTo, String testError, String done);
    }

    /** The editor's values, as typed (the password only when a new one was typed). */
    public record ProfileForm(Long id, String name, String host, String username, boolean hasPassword,
            String fromAddress, boolean ignoreCertErrors) {

        static ProfileForm of(ProfileView p) {
            return new ProfileForm(p.id(), p.name(), p.host(), p.username() == null ? "" : p.username(),
                    p.password() != null && !p.password().isEmpty(), p.fromAddress(), p.ignoreCertErrors());
        }

        /** What the password field says. */
        public String passwordHint() {
            return hasPassword ? "A password is stored; leave this empty to keep it." : "Stored encrypted; never shown again.";
        }

        /** The form's target. */
        public String action(long orgId) {
            return "/console/orgs/" + orgId + "/sending-profiles" + (id == null ? "" : "/" + id);
        }
    }

    @GET
    public Response list(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        return pages.html(200, Templates.profiles(pages.shell("Sending profiles", "sending-profiles"), orgId,
                profiles.list(Paging.ALL), console.role() == OrgRole.ADMIN, ConsolePages.notice(DONE, done)));
    }

    @GET
    @Path("new")
    public Response newProfile(@RestPath long orgId) {
        session.require();
        console.require(OrgRole.ADMIN);
        return editor(orgId, new ProfileForm(null, "", "", "", false, "", false), FormErrors.none(), null, null, null);
    }

    @GET
    @Path("{id}")
    public Response edit(@RestPath long orgId, @RestPath long id, @RestQuery String done) {
        session.require();
        console.require(OrgRole.VIEWER);
        return editor(orgId, ProfileForm.of(find(id)), FormErrors.none(), null, null, ConsolePages.notice(DONE, done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestPath long orgId, @RestForm String name, @RestForm String host,
            @RestForm String username, @RestForm String password, @RestForm("from_address") String fromAddress,
            @RestForm("ignore_cert_errors") String ignore, @RestForm("csrf_token") String csrf) {
        return save(orgId, new ProfileForm(null, name, host, username, false, fromAddress, ignore != null), password, csrf);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@RestPath long orgId, @RestPath long id, @RestForm String name, @RestForm String host,
            @RestForm String username, @RestForm String password, @RestForm("from_address") String fromAddress,
            @RestForm("ignore_cert_errors") String ignore, @RestForm("csrf_token") String csrf) {
        boolean stored = find(id).password() != null && !find(id).password().isEmpty();
        return save(orgId, new ProfileForm(id, name, host, username, stored, fromAddress, ignore != null), password, csrf);
    }

    @POST
    @Path("{id}/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response test(@RestPath long orgId, @RestPath long id, @RestForm String to, @RestForm("csrf_token") String csrf) {
        session.require();
        ProfileView profile = find(id);
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.ADMIN);
            String address = MailAddress.parse(to == null ? "" : to.strip()).address();
            SmtpSettings settings = profiles.settings(id).orElseThrow(() -> ApiException.notFound("SMTP not found"));
            TemplateView message = new TemplateView(0, "", "", TEST_SUBJECT, TEST_TEXT, "", "", List.of());
            MailAddress from = PhishingMessage.from(message, settings);
            PhishingContext context = PhishingContext.of("", "", address, "", from.address(), "", "preview-test");
            jakarta.mail.Session mail = transport.session(settings);
            transport.send(settings, mail, PhishingMessage.compose(mail, message, settings, context));
            audit.record(AuditEvent.of("test_email.send").target("sending_profile", id).details("built-in message"));
            return pages.redirect("/console/orgs/" + orgId + "/sending-profiles/" + id + "?done=sent");
        } catch (IllegalArgumentException e) {
            return editor(orgId, ProfileForm.of(profile), FormErrors.none(), to, "Enter one e-mail address.", null);
        } catch (ApiException e) {
            return editor(orgId, ProfileForm.of(profile), FormErrors.none(), to, e.getMessage(), null);
        }
    }

    @GET
    @Path("{id}/delete")
    public Response confirmDelete(@RestPath long orgId, @RestPath long id) {
        session.require();
        console.require(OrgRole.ADMIN);
        ProfileView profile = find(id);
        String base = "/console/orgs/" + orgId + "/sending-profiles";
        return pages.html(200, new Confirmation("Delete the sending profile " + profile.name() + "?",
                "Campaigns already launched keep sending through their copy of it. This cannot be undone.",
                base + "/" + id + "/delete", "Delete the sending profile", base + "/" + id)
                .page(pages.shell("Delete a sending profile", "sending-profiles")));
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@RestPath long orgId, @RestPath long id, @RestForm("csrf_token") String csrf) {
        session.require();
        pages.verifyCsrf(csrf);
        console.require(OrgRole.ADMIN);
        profiles.delete(id);
        return pages.redirect("/console/orgs/" + orgId + "/sending-profiles?done=deleted");
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    private Response save(long orgId, ProfileForm form, String password, String csrf) {
        session.require();
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.ADMIN);
            String secret = password == null || password.isEmpty() ? (form.hasPassword() ? ProfileView.MASK : "") : password;
            ProfileRequest request = new ProfileRequest(form.id(), form.name(), "SMTP", form.host(), form.username(),
                    secret, form.fromAddress(), form.ignoreCertErrors(), List.of());
            ProfileView saved = form.id() == null ? profiles.create(request) : profiles.update(form.id(), request);
            return pages.redirect("/console/orgs/" + orgId + "/sending-profiles/" + saved.id() + "?done=saved");
        } catch (ApiException e) {
            return editor(orgId, form, FormErrors.of(e, ALIASES), null, null, null);
        }
    }

    private ProfileView find(long id) {
        return profiles.find(id).orElseThrow(() -> ApiException.notFound("SMTP not found"));
    }

    private Response editor(long orgId, ProfileForm form, FormErrors errors, String testTo, String testError,
            String done) {
        String title = form.id() == null ? "New sending profile" : form.name();
        int status = errors.any() ? errors.status() : testError != null ? 400 : 200;
        return pages.html(status, Templates.profile(pages.shell(title, "sending-profiles"), orgId, form,
                console.role() == OrgRole.ADMIN, errors, testTo == null ? "" : testTo, testError, done));
    }
}
