package io.tidewatch.account;

/** Every session of the account was ended (it signed out): whatever runs on its behalf ends too. */
public record SessionsEnded(long accountId) {
}
