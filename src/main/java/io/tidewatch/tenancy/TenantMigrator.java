package io.tidewatch.tenancy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;

/**
 * Creates, migrates and drops tenant schemas with Flyway, one schema per run and each with its own history table.
 * Tenant migrations live in {@code db/tenant}, apart from the control schema's.
 */
@ApplicationScoped
public class TenantMigrator {

    static final String HISTORY_TABLE = "tenant_schema_history";
    private static final String LOCATIONS = "tidewatch.tenant-migration.locations";
    private final AgroalDataSource dataSource;
    private final String[] locations;
    private volatile MigrationVersion latest;

    TenantMigrator(AgroalDataSource dataSource,
            @ConfigProperty(name = LOCATIONS, defaultValue = "classpath:db/tenant") List<String> locations) {
        this.dataSource = dataSource;
        this.locations = locations.toArray(String[]::new);
    }

    /** Creates the schema if needed and applies every pending tenant migration; returns the migrations applied. */
    public int migrate(long orgId) {
        Flyway flyway = flyway(orgId);
        int applied = flyway.migrate().migrationsExecuted;
        if (latest == null) {
            latest = latestKnown(flyway);
        }
        return applied;
    }

    /** True when the schema's history already ends at the newest tenant migration: nothing to do at start-up. */
    public boolean isCurrent(long orgId) {
        MigrationVersion newest = latest;
        if (newest == null) {
            return false;
        }
        return installedVersion(orgId).map(v -> v.equals(newest)).orElse(false);
    }

    /**
     * Brings every listed schema up to date at start-up, a few at a time: a schema whose history already ends at the
     * newest migration is only checked; a failure in one schema is reported and the others carry on.
     */
    public MigrationReport migrateAll(List<Long> orgIds, int parallelism) {
        Map<Long, String> failed = new ConcurrentHashMap<>();
        AtomicInteger migrated = new AtomicInteger();
        if (!orgIds.isEmpty()) {
            migrateOne(orgIds.get(0), failed, migrated);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Long orgId : orgIds.subList(Math.min(1, orgIds.size()), orgIds.size())) {
                futures.add(pool.submit(() -> migrateOne(orgId, failed, migrated)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating tenant schemas", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("tenant migration crashed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return new MigrationReport(orgIds.size(), migrated.get(), Map.copyOf(failed));
    }

    private void migrateOne(long orgId, Map<Long, String> failed, AtomicInteger migrated) {
        try {
            if (!isCurrent(orgId) && migrate(orgId) > 0) {
                migrated.incrementAndGet();
            }
            long owner = ownerOf(orgId);
            if (owner != orgId) {
                failed.put(orgId, "schema belongs to organization " + owner);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Tenant schema of organization %d could not be migrated", orgId);
            failed.put(orgId, e.getClass().getSimpleName());
        }
    }

    /** The organization recorded as the owner of the schema at its creation. */
    public long ownerOf(long orgId) {
        String sql = "SELECT org_id FROM " + TenantSchemas.of(orgId) + ".tenant_identity WHERE id = 1";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("tenant schema of organization " + orgId + " has no identity row");
            }
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the identity of organization " + orgId, e);
        }
    }

    /** What a start-up migration did: schemas checked, schemas migrated, and the failures by organization. */
    public record MigrationReport(int checked, int migrated, Map<Long, String> failed) {
    }

    /** Drops the schema and everything in it. */
    public void drop(long orgId) {
        String schema = TenantSchemas.of(orgId);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the schema of organization " + orgId, e);
        }
    }

    /** True when the organization's schema exists. */
    public boolean exists(long orgId) {
        String schema = TenantSchemas.of(orgId);
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.getMetaData().getSchemas(null, schema)) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the schema of organization " + orgId, e);
        }
    }

    private Optional<MigrationVersion> installedVersion(long orgId) {
        String sql = "SELECT version FROM " + TenantSchemas.of(orgId) + "." + HISTORY_TABLE
                + " WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1";
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? Optional.of(MigrationVersion.fromVersion(rs.getString(1))) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static MigrationVersion latestKnown(Flyway flyway) {
        MigrationVersion newest = MigrationVersion.EMPTY;
        for (MigrationInfo info : flyway.info().all()) {
            if (info.getVersion() != null && info.getVersion().compareTo(newest) > 0) {
                newest = info.getVersion();
            }
        }
        return newest;
    }

    private Flyway flyway(long orgId) {
        String schema = TenantSchemas.of(orgId);
        return Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations(locations)
                .placeholders(Map.of("org_id", Long.toString(orgId)))
                .load();
    }
}
