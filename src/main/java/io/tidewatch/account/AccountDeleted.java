package io.tidewatch.account;

/** Fired inside the transaction that deletes an account, so capabilities holding its traces can release them. */
public record AccountDeleted(long accountId, String username) {
}
