package io.tidewatch.audit;

/**
 * Supplies the acting identity to the audit log. Implemented by the capability that authenticates callers, so the
 * audit log depends on no capability.
 */
public interface AuditActorSource {

    /** The current actor, or {@link AuditActor#SYSTEM} outside an authenticated request. */
    AuditActor current();
}
