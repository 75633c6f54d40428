package io.tidewatch.audit;

/** Who acts in the current unit of work, as the audit log records it; ids are null for the system itself. */
public record AuditActor(Long id, String name, Long impersonatorId, String impersonatorName) {

    /** The platform acting on its own (start-up, jobs). */
    public static final AuditActor SYSTEM = new AuditActor(null, "system", null, null);
}
