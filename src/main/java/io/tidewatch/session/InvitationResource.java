package io.tidewatch.session;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.tidewatch.account.AccountChange;
import io.tidewatch.account.AccountService;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.branding.Brand;
import io.tidewatch.branding.BrandingService;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.ClientInfo;

/**
 * {@code /invite/{token}}: the page an invitation e-mail links to, in the inviting organization's brand. The invited
 * account sets its password (twice) and is signed in; the link then no longer works.
 */
@Path("/invite/{token}")
@Produces(MediaType.TEXT_HTML)
public class InvitationResource {

    private final Invitations invitations;
    private final CsrfTokens csrf;
    private final AccountService accounts;
    private final SessionTokens tokens;
    private final BrandingService branding;
    private final AuditLog audit;
    private final ClientInfo client;
    private final SessionConfig config;

    InvitationResource(Invitations invitations, CsrfTokens csrf, AccountService accounts, SessionTokens tokens,
            BrandingService branding, AuditLog audit, ClientInfo client, SessionConfig config) {
        this.invitations = invitations;
        this.csrf = csrf;
        this.accounts = accounts;
        this.tokens = tokens;
        this.branding = branding;
        this.audit = audit;
        this.client = client;
        this.config = config;
    }

    @GET
    public Response page(@RestPath String token, @RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        Optional<Invitations.Valid> invitation = invitations.check(token);
        if (invitation.isEmpty()) {
            return invalid();
        }
        return form(200, token, invitation.get(), null, csrfCookie);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestPath String token, @RestForm("new_password") String password,
            @RestForm("confirm_password") String confirm, @RestForm(CsrfTokens.FIELD) String csrfToken,
            @RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        Optional<Invitations.Valid> invitation = invitations.check(token);
        if (invitation.isEmpty()) {
            return invalid();
        }
        Invitations.Valid valid = invitation.get();
        if (!csrf.verify(csrfCookie, csrfToken)) {
            return form(403, token, valid, "The form had expired. Please try again.", null);
        }
        String problem = NewPasswords.problem(password, confirm);
        if (problem != null) {
            return form(400, token, valid, problem, csrfCookie);
        }
        try {
            accounts.update(valid.account().id(), new AccountChange(null, password, null, null, null, false, null));
        } catch (ApiException e) {
            return form(400, token, valid, e.getMessage(), csrfCookie);
        }
        accounts.recordSignIn(valid.account().id());
        audit.record(AuditEvent.of("auth.invitation_accept").platform().org(valid.orgId())
                .target("account", valid.account().id()));
        String session = tokens.issueSession(valid.account().id(), valid.account().username());
        return Pages.redirect("/", SessionCookies.session(session, config.ttl(), client.isSecure()));
    }

    private Response form(int status, String token, Invitations.Valid invitation, String error, String csrfCookie) {
        Brand brand = branding.brandOf(invitation.orgId());
        CsrfTokens.Grant grant = csrf.grant(csrfCookie, client.isSecure());
        Pages.InvitationForm form = new Pages.InvitationForm(grant.token(), token, invitation.account().username(),
                brand.name(), error);
        return Pages.html(status, Pages.Templates.invitation(brand, form), grant.cookie().orElse(null));
    }

    private Response invalid() {
        return Pages.html(400, Pages.Templates.message(branding.brandForHost(client.host()), "This link cannot be used",
                "This invitation link is invalid, has expired or has already been used. Ask your administrator for a"
                        + " new invitation, or sign in if you have already set your password."));
    }
}
