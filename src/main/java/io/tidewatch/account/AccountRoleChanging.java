package io.tidewatch.account;

/**
 * Fired inside the transaction that changes an account's platform role, before the change; an observer vetoes it by
 * throwing (an account cannot move between client and staff while it holds memberships and seats).
 */
public record AccountRoleChanging(long accountId, PlatformRole from, PlatformRole to) {
}
