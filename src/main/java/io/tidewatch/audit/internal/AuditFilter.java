package io.tidewatch.audit.internal;

import java.time.Instant;

/**
 * Which entries to list; every part is optional. {@code actionPrefix} matches {@code action} and every action below
 * it ({@code impersonate} → {@code impersonate.start}); an actor matches as the actor or as the impersonator; {@code
 * beforeId} is the paging cursor.
 */
public record AuditFilter(String action, boolean actionPrefix, Long actorId, String actorName, Instant since,
        Instant until, Long beforeId) {

    /** No filter at all. */
    public static final AuditFilter ALL = new AuditFilter(null, false, null, null, null, null, null);

    /** The same filter continuing below {@code id}. */
    public AuditFilter before(long id) {
        return new AuditFilter(action, actionPrefix, actorId, actorName, since, until, id);
    }
}
