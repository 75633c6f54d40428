package io.tidewatch.session;

import io.tidewatch.account.PlatformRole;

/** The account signed in to the current page request. */
public record SessionAccount(long accountId, String username, PlatformRole role, boolean passwordChangeRequired) {
}
