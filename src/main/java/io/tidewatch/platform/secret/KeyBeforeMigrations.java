package io.tidewatch.platform.secret;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * Settles the encryption key before the control schema is migrated: a deployment without a usable key refuses to start
 * with the database untouched, instead of migrating it first and failing afterwards.
 */
@Singleton
class KeyBeforeMigrations implements FlywayConfigurationCustomizer {

    private final Secrets secrets;

    KeyBeforeMigrations(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        secrets.requireKey();
    }
}
