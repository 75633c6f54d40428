package io.tidewatch.session;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.tidewatch.account.AccountChange;
import io.tidewatch.account.AccountService;
import io.tidewatch.branding.BrandingService;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.ClientInfo;

/**
 * {@code /change-password}: the signed-in account changes its password (current password, new one twice). Accounts
 * that must change their password are sent here after sign-in. The session continues with a fresh cookie, since a
 * new password ends the sessions issued before it.
 */
@Path("/change-password")
@Produces(MediaType.TEXT_HTML)
public class PasswordResource {

    private final Session session;
    private final CsrfTokens csrf;
    private final LoginService logins;
    private final AccountService accounts;
    private final SessionTokens tokens;
    private final BrandingService branding;
    private final ClientInfo client;
    private final SessionConfig config;

    PasswordResource(Session session, CsrfTokens csrf, LoginService logins, AccountService accounts,
            SessionTokens tokens, BrandingService branding, ClientInfo client, SessionConfig config) {
        this.session = session;
        this.csrf = csrf;
        this.logins = logins;
        this.accounts = accounts;
        this.tokens = tokens;
        this.branding = branding;
        this.client = client;
        this.config = config;
    }

    @GET
    public Response page(@RestQuery String next, @RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        SessionAccount account = session.require();
        return form(200, account, LocalPaths.safe(next), null, csrfCookie);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm("current_password") String current, @RestForm("new_password") String password,
            @RestForm("confirm_password") String confirm, @RestForm String next,
            @RestForm(CsrfTokens.FIELD) String csrfToken, @RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        SessionAccount account = session.require();
        String target = LocalPaths.safe(next);
        if (!csrf.verify(csrfCookie, csrfToken)) {
            return form(403, account, target, "The form had expired. Please try again.", null);
        }
        String problem = NewPasswords.problem(password, confirm);
        if (problem == null && !logins.checkPassword(account.accountId(), account.username(), current)) {
            problem = "The current password is incorrect.";
        }
        if (problem == null && password.equals(current)) {
            problem = "The new password must differ from the current one.";
        }
        if (problem != null) {
            return form(400, account, target, problem, csrfCookie);
        }
        try {
            accounts.update(account.accountId(), new AccountChange(null, password, null, null, null, null, null));
        } catch (ApiException e) {
            return form(400, account, target, e.getMessage(), csrfCookie);
        }
        return Pages.redirect(target, SessionCookies.session(tokens.issueSession(account.accountId(), account.username()),
                config.ttl(), client.isSecure()));
    }

    private Response form(int status, SessionAccount account, String next, String error, String csrfCookie) {
        CsrfTokens.Grant grant = csrf.grant(csrfCookie, client.isSecure());
        Pages.PasswordForm form = new Pages.PasswordForm(grant.token(), next, account.username(),
                account.passwordChangeRequired(), error);
        return Pages.html(status, Pages.Templates.changePassword(branding.brandForHost(client.host()), form),
                grant.cookie().orElse(null));
    }
}
