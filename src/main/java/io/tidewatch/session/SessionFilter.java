package io.tidewatch.session;

import java.util.Optional;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;

/**
 * Reads the session cookie of every page request (everything outside {@code /api} and {@code /q}) into the request's
 * {@link Session}. A token counts only if its signature and expiry hold, its account is still active and unlocked,
 * and its credential stamp is current (a changed password ends older sessions). A missing or bad cookie simply
 * leaves the request signed out.
 */
public class SessionFilter {

    private final Session session;
    private final SessionTokens tokens;
    private final AccountService accounts;

    SessionFilter(Session session, SessionTokens tokens, AccountService accounts) {
        this.session = session;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void readSession(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/api") || path.startsWith("/q/")) {
            return;
        }
        Cookie cookie = request.getCookies().get(SessionCookies.NAME);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return;
        }
        tokens.verifySession(cookie.getValue()).flatMap(this::account).ifPresent(session::signIn);
    }

    @ServerExceptionMapper
    public Response signInRequired(SignInRequired e, UriInfo uri) {
        String next = uri.getRequestUri().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        String target = LocalPaths.safe(query == null ? next : next + "?" + query);
        return Pages.redirect("/".equals(target) ? "/login" : "/login?next=" + LocalPaths.encode(target));
    }

    private Optional<SessionAccount> account(SessionTokens.SessionClaims claims) {
        Optional<AccountView> account = accounts.find(claims.accountId()).filter(a -> a.active() && !a.locked());
        if (account.isEmpty() || !accounts.credentialStamp(claims.accountId()).map(claims.stamp()::equals).orElse(false)) {
            return Optional.empty();
        }
        AccountView a = account.get();
        return Optional.of(new SessionAccount(a.id(), a.username(), a.role(), a.passwordChangeRequired(), claims.stamp()));
    }
}
