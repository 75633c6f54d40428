package io.tidewatch.audit.internal;

import java.time.Instant;

/** One stored audit entry, as read from and written to either kind of log. */
public record AuditEntry(long id, Instant occurredAt, Long actorId, String actorName, Long impersonatorId,
        String impersonatorName, Long orgId, String action, String targetType, String targetId, String outcome,
        String clientAddress, String userAgent, String details, String prevHash, String hash) {

    /** The same entry placed in its chain. */
    AuditEntry chained(long newId, String previous, String newHash) {
        return new AuditEntry(newId, occurredAt, actorId, actorName, impersonatorId, impersonatorName, orgId, action,
                targetType, targetId, outcome, clientAddress, userAgent, details, previous, newHash);
    }
}
