package io.tidewatch.platform.classdata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * A training start ({@code tidewatch.exit-after-start}) runs only on a database of its own: before the control schema
 * is migrated, it refuses a database that already holds accounts or organizations (a service's database always holds
 * its first admin), so that a training start pointed at the service's database by mistake changes nothing in it.
 */
@Singleton
class TrainingDatabaseGuard implements FlywayConfigurationCustomizer {

    private final boolean exitAfterStart;

    TrainingDatabaseGuard(
            @ConfigProperty(name = "tidewatch.exit-after-start", defaultValue = "false") boolean exitAfterStart) {
        this.exitAfterStart = exitAfterStart;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (!exitAfterStart) {
            return;
        }
        long rows = rows(configuration.getDataSource());
        if (rows > 0) {
            throw new IllegalStateException("tidewatch.exit-after-start (TIDEWATCH_EXIT_AFTER_START) is the class-data "
                    + "archive's training start, which needs an empty database of its own; this one already holds "
                    + "accounts or organizations. Point QUARKUS_DATASOURCE_JDBC_URL at an empty database.");
        }
    }

    /** Accounts and organizations in the control schema; none when the schema does not exist yet. */
    static long rows(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet count = statement.executeQuery("SELECT (SELECT count(*) FROM tidewatch_control.account)"
                    + " + (SELECT count(*) FROM tidewatch_control.organization)")) {
                count.next();
                return count.getLong(1);
            } catch (SQLException noControlSchema) {
                return 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database for the training start", e);
        }
    }
}
