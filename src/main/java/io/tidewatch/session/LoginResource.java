package io.tidewatch.session;

import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;
import io.tidewatch.branding.Brand;
import io.tidewatch.branding.BrandingService;
import io.tidewatch.organization.OrganizationDirectory;
import io.tidewatch.organization.OrganizationProfile;
import io.tidewatch.platform.web.ClientInfo;

/**
 * {@code /login} and {@code /logout}. The login page shows the brand of the organization whose host the browser
 * addressed (the MSSP's own for any other host); local accounts sign in with the CSRF-protected form, and a
 * successful sign-in sets the session cookie and continues to {@code next} (a local path) or {@code /}, through the
 * change-password form when the account must change its password first.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    private final LoginService logins;
    private final SessionTokens tokens;
    private final CsrfTokens csrf;
    private final Session session;
    private final BrandingService branding;
    private final OrganizationDirectory directory;
    private final ClientInfo client;
    private final SessionConfig config;
    private final AccountService accounts;

    LoginResource(LoginService logins, SessionTokens tokens, CsrfTokens csrf, Session session, BrandingService branding,
            OrganizationDirectory directory, ClientInfo client, SessionConfig config, AccountService accounts) {
        this.logins = logins;
        this.tokens = tokens;
        this.csrf = csrf;
        this.session = session;
        this.branding = branding;
        this.directory = directory;
        this.client = client;
        this.config = config;
        this.accounts = accounts;
    }

    @GET
    @Path("login")
    public Response page(@RestQuery String next, @RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        String target = LocalPaths.safe(next);
        if (session.isSignedIn()) {
            return Pages.redirect(target);
        }
        return form(200, target, null, null, csrfCookie);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@RestForm String username, @RestForm String password, @RestForm String next,
            @RestForm(CsrfTokens.FIELD) String csrfToken, @RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        String target = LocalPaths.safe(next);
        if (!csrf.verify(csrfCookie, csrfToken)) {
            return form(403, target, username, "Your sign-in form had expired. Please sign in again.", null);
        }
        Optional<OrganizationProfile> host = directory.byHost(client.host());
        LoginService.Outcome outcome = logins.signIn(username, password, client.address(), host);
        if (outcome instanceof LoginService.SignedIn signedIn) {
            return signedIn(signedIn.account(), target);
        }
        if (outcome instanceof LoginService.Throttled throttled) {
            long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
            Response page = form(429, target, username, "Too many failed sign-in attempts. Try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."), csrfCookie);
            return Response.fromResponse(page).header("Retry-After", Math.max(1, throttled.retryAfter().toSeconds())).build();
        }
        return form(401, target, username, ((LoginService.Refused) outcome).message(), csrfCookie);
    }

    /** A plain link only clears this browser's cookie: a link from another site must not end anyone's sessions. */
    @GET
    @Path("logout")
    public Response logoutLink() {
        return Pages.redirect("/login", SessionCookies.cleared(client.isSecure()));
    }

    /**
     * The console's Sign out: clears the cookie and, when the form is the console's own (its CSRF token verifies), ends
     * every session of the account, so a copy of the cookie stops working too.
     */
    @POST
    @Path("logout")
    public Response logout(@RestForm(CsrfTokens.FIELD) String csrfToken, @RestCookie(CsrfTokens.COOKIE) String csrfCookie) {
        if (session.isSignedIn() && csrf.verify(csrfCookie, csrfToken)) {
            accounts.endSessions(session.require().accountId());
        }
        return Pages.redirect("/login", SessionCookies.cleared(client.isSecure()));
    }

    private Response signedIn(AccountView account, String target) {
        NewCookie cookie = SessionCookies.session(tokens.issueSession(account.id(), account.username()), config.ttl(),
                client.isSecure());
        if (account.passwordChangeRequired()) {
            return Pages.redirect("/change-password?next=" + LocalPaths.encode(target), cookie);
        }
        return Pages.redirect(target, cookie);
    }

    private Response form(int status, String next, String username, String error, String csrfCookie) {
        Brand brand = branding.brandForHost(client.host());
        CsrfTokens.Grant grant = csrf.grant(csrfCookie, client.isSecure());
        Pages.LoginForm form = new Pages.LoginForm(grant.token(), next, username == null ? "" : username, error);
        return Pages.html(status, Pages.Templates.login(brand, form), grant.cookie().orElse(null));
    }
}
