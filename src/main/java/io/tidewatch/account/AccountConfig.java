package io.tidewatch.account;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The first MSSP admin's credentials, for automation; when absent, random ones are generated and printed once. */
@ConfigMapping(prefix = "tidewatch.initial-admin")
public interface AccountConfig {

    /** The initial admin's password ({@code TIDEWATCH_INITIAL_ADMIN_PASSWORD}); default: random, printed once. */
    Optional<String> password();

    /** The initial admin's API key ({@code TIDEWATCH_INITIAL_ADMIN_API_KEY}); default: random, printed once. */
    Optional<String> apiKey();
}
