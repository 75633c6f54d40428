package io.tidewatch.account;

/**
 * Who a request acts as, once its credential is verified. {@code impersonatedOrgId} is set only for an impersonation
 * token, which acts in that one organization with org admin rights and nowhere else: {@code accountId}, {@code username}
 * and {@code role} then name the staff member behind it, for the audit log, and grant nothing of their own (neither the
 * staff member's platform role nor their memberships).
 */
public record CallerIdentity(long accountId, String username, PlatformRole role, boolean canImpersonate,
        Long impersonationId, Long impersonatedOrgId) {

    /** An identity acting as itself. */
    public static CallerIdentity of(long accountId, String username, PlatformRole role, boolean canImpersonate) {
        return new CallerIdentity(accountId, username, role, canImpersonate, null, null);
    }

    /** True when this identity comes from an impersonation token. */
    public boolean isImpersonating() {
        return impersonationId != null;
    }
}
