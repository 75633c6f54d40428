package io.tidewatch.organization;

import java.time.Instant;

/** A member of an organization: the account, its role there, and whether it takes a client seat. */
public record MemberView(long userId, String username, OrgRole role, boolean active, boolean takesSeat,
        Instant lastLogin, boolean passwordChangeRequired, boolean accountLocked, Instant createdAt) {
}
