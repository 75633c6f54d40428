package io.tidewatch.audit;

/**
 * Supplies the acting identity to the audit log, and says whether it may read the platform log. Implemented by the
 * capability that authenticates callers, so the audit log depends on no capability.
 */
public interface AuditActorSource {

    /** The current actor, or {@link AuditActor#SYSTEM} outside an authenticated request. */
    AuditActor current();

    /** True when the current caller may read and verify the platform log (MSSP admins acting as themselves). */
    default boolean mayReadPlatformLog() {
        return false;
    }
}
