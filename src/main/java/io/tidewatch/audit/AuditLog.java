package io.tidewatch.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.audit.internal.AuditEntry;
import io.tidewatch.audit.internal.AuditStore;
import io.tidewatch.platform.web.ClientInfo;
import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * Records audit entries: one call per event, in the same transaction as the change it describes. Refusals and
 * failures are written in a transaction of their own, so the rollback of the refused work keeps them.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditStore store;
    private final Instance<AuditActorSource> actors;
    private final Instance<ClientInfo> client;
    private final Instance<TenantContext> tenant;
    private final TransactionManager transactions;

    AuditLog(AuditStore store, Instance<AuditActorSource> actors, Instance<ClientInfo> client,
            Instance<TenantContext> tenant, TransactionManager transactions) {
        this.store = store;
        this.actors = actors;
        this.client = client;
        this.tenant = tenant;
        this.transactions = transactions;
    }

    /** Records the event and returns the id of the new entry in its log. */
    public long record(AuditEvent event) {
        AuditEntry entry = entryFor(event);
        String schema = schemaFor(event);
        if (event.outcome() == AuditOutcome.SUCCESS && inTransaction()) {
            return store.append(schema, entry);
        }
        return QuarkusTransaction.requiringNew().call(() -> store.append(schema, entry));
    }

    private AuditEntry entryFor(AuditEvent event) {
        AuditActor actor = actors.isResolvable() ? actors.get().current() : AuditActor.SYSTEM;
        if (event.impersonatorId() != null) {
            actor = new AuditActor(actor.id(), actor.name(), event.impersonatorId(), event.impersonatorName());
        }
        Long orgId = event.orgId();
        if (orgId == null && !event.isPlatform() && currentTenant() != null) {
            orgId = currentTenant();
        }
        String address = null;
        String agent = null;
        if (Arc.container().requestContext().isActive()) {
            address = client.get().address();
            agent = client.get().userAgent();
        }
        return new AuditEntry(0, Instant.now().truncatedTo(ChronoUnit.MILLIS), actor.id(), actor.name(),
                actor.impersonatorId(), actor.impersonatorName(), orgId, event.action(), event.targetType(),
                event.targetId(), event.outcome().name(), address, agent, truncate(event.details()), null, null);
    }

    private String schemaFor(AuditEvent event) {
        if (event.isPlatform()) {
            return TenantSchemas.CONTROL;
        }
        if (event.orgId() != null) {
            return TenantSchemas.of(event.orgId());
        }
        Long current = currentTenant();
        return current == null ? TenantSchemas.CONTROL : TenantSchemas.of(current);
    }

    private Long currentTenant() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return tenant.get().orgId().isPresent() ? tenant.get().orgId().getAsLong() : null;
    }

    private boolean inTransaction() {
        try {
            return transactions.getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }

    private static String truncate(String details) {
        return details == null || details.length() <= 4000 ? details : details.substring(0, 4000);
    }
}
