package io.tidewatch.session;

import io.tidewatch.account.PlatformRole;

/**
 * The account signed in to the current page request, with the credential stamp its session cookie carries (still the
 * account's own when the request began).
 */
public record SessionAccount(long accountId, String username, PlatformRole role, boolean passwordChangeRequired,
        String credentialStamp) {
}
