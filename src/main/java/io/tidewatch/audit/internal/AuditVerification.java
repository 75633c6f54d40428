package io.tidewatch.audit.internal;

/**
 * The outcome of recomputing a log's chain: how many entries were checked (up to the first break) and the id of the
 * first entry that was altered or is missing, if any.
 */
public record AuditVerification(long checked, boolean valid, Long firstBrokenId) {

    static AuditVerification intact(long checked) {
        return new AuditVerification(checked, true, null);
    }

    static AuditVerification brokenAt(long checked, long id) {
        return new AuditVerification(checked, false, id);
    }
}
