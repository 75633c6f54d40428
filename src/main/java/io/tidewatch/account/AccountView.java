package io.tidewatch.account;

import java.time.Instant;

import io.tidewatch.account.internal.Account;

/** An account as other capabilities and the API see it; never carries a secret. */
public record AccountView(long id, String username, PlatformRole role, boolean canImpersonate, boolean active,
        boolean locked, boolean passwordChangeRequired, Long defaultOrgId, Instant lastLogin, Instant createdAt) {

    static AccountView of(Account a) {
        return new AccountView(a.id, a.username, a.platformRole, a.canImpersonate, a.active, a.locked,
                a.passwordChangeRequired, a.defaultOrgId, a.lastLogin, a.createdAt);
    }
}
