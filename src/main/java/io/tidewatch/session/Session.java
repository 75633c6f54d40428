package io.tidewatch.session;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who is signed in to the current page request (not {@code /api}, which authenticates by API key), as read from the
 * session cookie by {@link SessionFilter}. Pages call {@link #require()}: without a session the browser is sent to
 * the login page and brought back afterwards.
 */
@RequestScoped
public class Session {

    private SessionAccount account;

    void signIn(SessionAccount account) {
        this.account = account;
    }

    /** The signed-in account, if any. */
    public Optional<SessionAccount> account() {
        return Optional.ofNullable(account);
    }

    /** True when an account is signed in. */
    public boolean isSignedIn() {
        return account != null;
    }

    /** The signed-in account; otherwise a redirect to the login page (via {@link SignInRequired}). */
    public SessionAccount require() {
        if (account == null) {
            throw new SignInRequired();
        }
        return account;
    }
}
