package io.tidewatch.account;

import java.util.Optional;

/**
 * Turns a bearer credential into an identity. Several exist side by side (API keys, impersonation tokens); each
 * answers empty for a credential it does not recognise, and throws a 401 {@code ApiException} for one it recognises
 * but refuses. Lower {@link #order()} values are asked first.
 */
public interface CredentialResolver {

    /** The identity the credential proves, if this resolver recognises it. */
    Optional<CallerIdentity> resolve(String credential);

    /** Where this resolver stands in the queue; the API-key resolver, which accepts anything, stands last. */
    default int order() {
        return 100;
    }
}
