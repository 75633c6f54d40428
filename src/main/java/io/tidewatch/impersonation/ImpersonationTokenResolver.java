package io.tidewatch.impersonation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tidewatch.account.CallerIdentity;
import io.tidewatch.account.CredentialResolver;
import io.tidewatch.platform.web.ApiException;

/**
 * Accepts impersonation tokens as credentials. A token that is not genuine (or not ours) is left to the other
 * resolvers, which refuse it; a genuine one whose impersonation ended or expired, whose staff member lost the right to
 * impersonate, or whose organization is gone is refused with 401.
 */
@ApplicationScoped
class ImpersonationTokenResolver implements CredentialResolver {

    private final ImpersonationTokens tokens;
    private final ImpersonationService impersonations;

    ImpersonationTokenResolver(ImpersonationTokens tokens, ImpersonationService impersonations) {
        this.tokens = tokens;
        this.impersonations = impersonations;
    }

    @Override
    public Optional<CallerIdentity> resolve(String credential) {
        if (!ImpersonationTokens.looksLikeToken(credential)) {
            return Optional.empty();
        }
        return tokens.verify(credential)
                .map(claims -> impersonations.identityFor(claims)
                        .orElseThrow(() -> ApiException.unauthorized("Invalid API Key")));
    }

    @Override
    public int order() {
        return 10;
    }
}
