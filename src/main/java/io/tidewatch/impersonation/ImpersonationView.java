package io.tidewatch.impersonation;

import java.time.Instant;

import io.tidewatch.impersonation.internal.EndReason;
import io.tidewatch.impersonation.internal.Impersonation;

/**
 * An impersonation as the API shows it. The end is computed on read: an impersonation whose time ran out shows its
 * expiry as {@code endedAt} and {@code expired} as its end reason even before the expiry job has marked it.
 * {@code status} is {@code active}, {@code ended}, {@code expired} or {@code org_deleted}.
 */
public record ImpersonationView(long id, long staffAccountId, String staffUsername, long orgId, String reason,
        Instant startedAt, Instant expiresAt, Instant endedAt, Long endedBy, String endReason, String status) {

    /** The status of one that is still running. */
    public static final String ACTIVE = "active";

    static ImpersonationView of(Impersonation i, Instant now) {
        boolean lapsed = i.endedAt == null && !i.expiresAt.isAfter(now);
        Instant endedAt = lapsed ? i.expiresAt : i.endedAt;
        EndReason reason = lapsed ? EndReason.EXPIRED : i.endReason;
        String endReason = reason == null ? null : reason.wireName();
        return new ImpersonationView(i.id, i.staffAccountId, i.staffUsername, i.orgId, i.reason, i.startedAt, i.expiresAt,
                endedAt, i.endedBy, endReason, endReason == null ? ACTIVE : endReason);
    }
}
