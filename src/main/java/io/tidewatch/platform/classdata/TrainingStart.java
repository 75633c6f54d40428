package io.tidewatch.platform.classdata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * The training start of the class-data archive ({@code tidewatch.exit-after-start}, see docs/deployment.md): the service
 * stops as soon as every start-up step has run, so that the JVM has listed the classes a start loads. It runs only on a
 * database of its own: before the control schema is migrated, it refuses a database that already holds accounts or
 * organizations (a service's database always holds its first admin), so that a training start pointed at the
 * service's database by mistake changes nothing in it.
 */
@Singleton
class TrainingStart implements FlywayConfigurationCustomizer {

    private final boolean exitAfterStart;

    TrainingStart(@ConfigProperty(name = "tidewatch.exit-after-start", defaultValue = "false") boolean exitAfterStart) {
        this.exitAfterStart = exitAfterStart;
    }

    /** Runs before the control schema's migration: refuses a database that is not empty. */
    @Override
    public void customize(FluentConfiguration configuration) {
        if (exitAfterStart && holdsAccountsOrOrganizations(configuration.getDataSource())) {
            throw new IllegalStateException("tidewatch.exit-after-start (TIDEWATCH_EXIT_AFTER_START) is the class-data "
                    + "archive's training start, which needs an empty database of its own; this one already holds "
                    + "accounts or organizations. Point QUARKUS_DATASOURCE_JDBC_URL at an empty database.");
        }
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        if (exitAfterStart) {
            Log.info("Started with tidewatch.exit-after-start: stopping");
            Quarkus.asyncExit(0);
        }
    }

    /** Whether the control schema holds any account or organization; not when the schema does not exist yet. */
    private static boolean holdsAccountsOrOrganizations(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT (SELECT count(*) FROM tidewatch_control.account)"
                    + " + (SELECT count(*) FROM tidewatch_control.organization)")) {
                return count.next() && count.getLong(1) > 0;
            } catch (SQLException noControlSchema) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database for the training start", e);
        }
    }
}
