package io.tidewatch.organization;

/**
 * Fired inside the transaction that made an account a member of an organization. Observe it with
 * {@code during = TransactionPhase.AFTER_SUCCESS} to act (send an invitation) only once the membership is committed.
 */
public record MemberAdded(long orgId, long accountId, OrgRole role) {
}
