package io.tidewatch.account;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tidewatch.account.internal.AccountRepository;
import io.tidewatch.platform.Tokens;
import io.tidewatch.platform.web.ApiException;

/** Gophish-style API keys: looked up by their SHA-256 (keys are 256-bit random, so a fast hash is enough). */
@ApplicationScoped
class ApiKeyResolver implements CredentialResolver {

    private final AccountRepository accounts;

    ApiKeyResolver(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<CallerIdentity> resolve(String credential) {
        return Optional.of(accounts.findUsableByApiKeyHash(Tokens.sha256(credential))
                .map(a -> CallerIdentity.of(a.id, a.username, a.platformRole, a.canImpersonate))
                .orElseThrow(() -> ApiException.unauthorized("Invalid API Key")));
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }
}
