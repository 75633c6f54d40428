package io.tidewatch.account;

/** The fields of an account to change; null leaves a field as it is. */
public record AccountChange(String username, String password, PlatformRole role, Boolean canImpersonate,
        Boolean locked, Boolean passwordChangeRequired, Long defaultOrgId) {

    /** A change of the default organization only. */
    public static AccountChange defaultOrg(long orgId) {
        return new AccountChange(null, null, null, null, null, null, orgId);
    }
}
