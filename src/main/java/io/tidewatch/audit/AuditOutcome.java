package io.tidewatch.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It happened. */
    SUCCESS,
    /** It was refused: bad credentials, missing rights, seat cap. */
    DENIED,
    /** It was attempted and failed. */
    FAILURE
}
