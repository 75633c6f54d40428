package io.tidewatch.sendingprofile;

import java.security.SecureRandom;
import java.util.List;

import jakarta.mail.Session;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.gotemplate.PhishingContext;
import io.tidewatch.gotemplate.TemplateException;
import io.tidewatch.landingpage.PageService;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.mail.MailAddress;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;
import io.tidewatch.platform.web.InvalidJson;
import io.tidewatch.platform.web.Texts;
import io.tidewatch.template.TemplateService;
import io.tidewatch.template.TemplateView;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Gophish's {@code /api/util/send_test_email}: renders a template (or a built-in message) for the given recipient
 * and sends it now, synchronously, through a stored or inline sending profile. Operators and admins may send.
 */
@Path("/api/util/send_test_email")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TestEmailResource {

    static final String INVALID = "Error decoding JSON Request";
    static final String DEFAULT_SUBJECT = "Default Email from Tidewatch";
    static final String DEFAULT_TEXT = "It works!\n\nThis is an email letting you know that your Tidewatch\n"
            + "sending profile is configured correctly.\nHere are the details:\n\nWho you sent from: {{.From}}\n\n"
            + "Who you sent to: \n{{if .FirstName}} First Name: {{.FirstName}}\n{{end}}"
            + "{{if .LastName}} Last Name: {{.LastName}}\n{{end}}{{if .Position}} Position: {{.Position}}\n{{end}}"
            + "\nNow go send some phish!";
    private static final String RID_ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TemplateService templates;
    private final PageService pages;
    private final SendingProfileService profiles;
    private final SmtpTransport transport;
    private final TenantAccess access;
    private final AuditLog audit;

    TestEmailResource(TemplateService templates, PageService pages, SendingProfileService profiles,
            SmtpTransport transport, TenantAccess access, AuditLog audit) {
        this.templates = templates;
        this.pages = pages;
        this.profiles = profiles;
        this.transport = transport;
        this.access = access;
        this.audit = audit;
    }

    /** A reference by name, as Gophish sends {@code template} and {@code page}. */
    public record NameRef(String name) {
    }

    /** Gophish's test e-mail request; {@code smtp} is a name or a full inline profile. */
    public record TestEmailRequest(NameRef template, NameRef page, ProfileRequest smtp, String url, String email,
            String firstName, String lastName, String position) {
    }

    @POST
    public Envelope send(@InvalidJson(INVALID) TestEmailRequest request) {
        access.require(OrgRole.OPERATOR);
        if (request == null) {
            throw ApiException.badRequest(INVALID);
        }
        TemplateView template = template(request.template());
        if (request.page() != null && !Texts.orEmpty(request.page().name()).isEmpty()
                && pages.findByName(request.page().name()).isEmpty()) {
            throw ApiException.badRequest("Page not found");
        }
        SmtpSettings profile = profile(request.smtp());
        String email = Texts.orEmpty(request.email()).strip();
        if (email.isEmpty()) {
            throw ApiException.badRequest("No email address specified");
        }
        try {
            email = MailAddress.parse(email).address();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        try {
            PhishingContext.validateUrl(request.url());
        } catch (TemplateException e) {
            throw ApiException.badRequest(e.describe("url"));
        }
        MailAddress from = PhishingMessage.from(template, profile);
        PhishingContext context = PhishingContext.of(request.firstName(), request.lastName(), email,
                request.position(), from.name().isEmpty() ? from.address() : from.name(), request.url(), previewRid());
        Session session = transport.session(profile);
        transport.send(profile, session, PhishingMessage.compose(session, template, profile, context));
        audit.record(AuditEvent.of("test_email.send").details(template.id() == 0 ? "built-in message"
                : "template " + template.id()));
        return Envelope.ok("Email Sent");
    }

    private TemplateView template(NameRef ref) {
        String name = ref == null ? "" : Texts.orEmpty(ref.name());
        if (name.isEmpty()) {
            return new TemplateView(0, "", "", DEFAULT_SUBJECT, DEFAULT_TEXT, "", "", List.of());
        }
        return templates.findByName(name).orElseThrow(() -> ApiException.badRequest("Template not found"));
    }

    private SmtpSettings profile(ProfileRequest smtp) {
        ProfileRequest given = smtp == null ? new ProfileRequest(null, "", null, null, null, null, null, null, null)
                : smtp;
        try {
            SmtpSettings inline = profiles.inlineSettings(given);
            if (!inline.username().isEmpty() && (inline.password().isEmpty() || ProfileView.MASK.equals(inline.password()))) {
                return profiles.settingsByName(Texts.orEmpty(given.name())).map(stored -> new SmtpSettings(inline.host(),
                        inline.port(), inline.username(), stored.password(), inline.fromAddress(),
                        inline.ignoreCertErrors(), inline.headers())).orElse(inline);
            }
            return inline;
        } catch (ApiException invalid) {
            return profiles.settingsByName(Texts.orEmpty(given.name())).orElseThrow(() -> invalid);
        }
    }

    private static String previewRid() {
        StringBuilder rid = new StringBuilder("preview-");
        for (int i = 0; i < 7; i++) {
            rid.append(RID_ALPHABET.charAt(RANDOM.nextInt(RID_ALPHABET.length())));
        }
        return rid.toString();
    }
}
