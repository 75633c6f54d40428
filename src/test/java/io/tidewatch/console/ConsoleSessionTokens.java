package io.tidewatch.console;

import io.tidewatch.testing.Browser;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Tenant;

/** A valid CSRF token for a session, taken from a page it may see (for posts to pages it may not). */
final class ConsoleSessionTokens {

    private ConsoleSessionTokens() {
    }

    static String token(ConsoleSession session, Tenant tenant) {
        return Browser.csrfToken(session.get("/console/orgs/" + tenant.id()).asString());
    }
}
