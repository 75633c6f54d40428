package io.tidewatch.account;

/** A freshly created account with its API key, which exists in clear only in this one response. */
public record NewAccount(AccountView account, String apiKey) {
}
