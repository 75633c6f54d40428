package io.tidewatch.organization;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.tidewatch.organization.internal.OrgStatus;
import io.tidewatch.organization.internal.OrganizationRepository;
import io.tidewatch.tenancy.TenantMigrator;
import io.tidewatch.tenancy.TenantMigrator.MigrationReport;

/**
 * At start-up, brings every organization's schema to the newest tenant migration and checks it belongs to that
 * organization; broken ones are reported and refused, the rest serve. Also removes organizations whose creation
 * was interrupted before their schema was ready.
 */
@Singleton
class TenantSchemaStartup {

    private final OrganizationRepository organizations;
    private final TenantMigrator migrator;
    private final TenantHealth health;
    private final int parallelism;

    TenantSchemaStartup(OrganizationRepository organizations, TenantMigrator migrator, TenantHealth health,
            @ConfigProperty(name = "tidewatch.tenant-migration.parallelism", defaultValue = "4") int parallelism) {
        this.organizations = organizations;
        this.migrator = migrator;
        this.health = health;
        this.parallelism = parallelism;
    }

    void onStart(@Observes @Priority(10) StartupEvent event) {
        removeAbandonedProvisioning();
        List<Long> ids = QuarkusTransaction.requiringNew().call(organizations::activeIds);
        Instant start = Instant.now();
        MigrationReport report = migrator.migrateAll(ids, parallelism);
        for (Map.Entry<Long, String> failure : report.failed().entrySet()) {
            health.markBroken(failure.getKey(), failure.getValue());
        }
        Log.infof("Tenant schemas: %d checked, %d migrated, %d failed in %d ms", report.checked(), report.migrated(),
                report.failed().size(), Duration.between(start, Instant.now()).toMillis());
        if (!report.failed().isEmpty()) {
            Log.errorf("Organizations refused until their schema is repaired: %s", report.failed().keySet());
        }
    }

    /** Re-checks one organization (used after a repair, and by tests). */
    MigrationReport recheck(long orgId) {
        MigrationReport report = migrator.migrateAll(List.of(orgId), 1);
        if (report.failed().isEmpty()) {
            health.markHealthy(orgId);
        } else {
            health.markBroken(orgId, report.failed().get(orgId));
        }
        return report;
    }

    private void removeAbandonedProvisioning() {
        Instant cutoff = Instant.now().minus(Duration.ofMinutes(10));
        List<Long> stale = QuarkusTransaction.requiringNew()
                .call(() -> organizations.idsCreatedBefore(OrgStatus.PROVISIONING, cutoff));
        for (long id : stale) {
            Log.warnf("Removing organization %d whose creation never finished", id);
            migrator.drop(id);
            QuarkusTransaction.requiringNew().run(() -> organizations.deleteById(id));
        }
    }
}
