package io.tidewatch.audit;

import java.util.Objects;

/**
 * What happened, to be recorded. Built fluently: {@code AuditEvent.of("member.add").org(id).target("account", 7)}.
 * Without {@link #org(long)} or {@link #platform()} the event goes to the current tenant's log when a tenant is
 * selected, else to the platform log.
 */
public final class AuditEvent {

    private final String action;
    private Long orgId;
    private boolean platform;
    private String targetType;
    private String targetId;
    private AuditOutcome outcome = AuditOutcome.SUCCESS;
    private String details;
    private Long impersonatorId;
    private String impersonatorName;

    private AuditEvent(String action) {
        this.action = Objects.requireNonNull(action, "action");
    }

    /** A dotted action name such as {@code organization.create}. */
    public static AuditEvent of(String action) {
        return new AuditEvent(action);
    }

    /** Records in this organization's log (also stamping the organization on the entry). */
    public AuditEvent org(long orgId) {
        this.orgId = orgId;
        return this;
    }

    /** Records in the platform log; {@link #org(long)} may still name the organization concerned. */
    public AuditEvent platform() {
        this.platform = true;
        return this;
    }

    /** The target's type and id. */
    public AuditEvent target(String type, Object id) {
        this.targetType = type;
        this.targetId = id == null ? null : String.valueOf(id);
        return this;
    }

    /** The outcome; anything but success is written in its own transaction so a rollback cannot erase it. */
    public AuditEvent outcome(AuditOutcome outcome) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        return this;
    }

    /** Free-text details without personal data or secrets (at most 4,000 characters are kept). */
    public AuditEvent details(String details) {
        this.details = details;
        return this;
    }

    /**
     * Names the staff member whose impersonation the event belongs to, whoever the actor is (the staff member, an
     * MSSP admin ending it, or the system when it expires).
     */
    public AuditEvent impersonator(long accountId, String username) {
        this.impersonatorId = accountId;
        this.impersonatorName = Objects.requireNonNull(username, "username");
        return this;
    }

    public String action() {
        return action;
    }

    public Long orgId() {
        return orgId;
    }

    public boolean isPlatform() {
        return platform;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public AuditOutcome outcome() {
        return outcome;
    }

    public String details() {
        return details;
    }

    public Long impersonatorId() {
        return impersonatorId;
    }

    public String impersonatorName() {
        return impersonatorName;
    }
}
