package io.tidewatch.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.audit.internal.AuditEntry;
import io.tidewatch.audit.internal.AuditStore;
import io.tidewatch.audit.internal.PendingEntries;
import io.tidewatch.platform.web.ClientInfo;
import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * Records audit entries: one call per event, in the same transaction as the change it describes; the entries are
 * chained into their log when that transaction commits, and vanish with it if it rolls back. Refusals and failures
 * are written at once in a transaction of their own, so the rollback of the refused work keeps them.
 */
@ApplicationScoped
public class AuditLog {

    private final AuditStore store;
    private final Instance<AuditActorSource> actors;
    private final Instance<ClientInfo> client;
    private final Instance<TenantContext> tenant;
    private final TransactionManager transactions;
    private final TransactionSynchronizationRegistry registry;

    AuditLog(AuditStore store, Instance<AuditActorSource> actors, Instance<ClientInfo> client,
            Instance<TenantContext> tenant, TransactionManager transactions, TransactionSynchronizationRegistry registry) {
        this.store = store;
        this.actors = actors;
        this.client = client;
        this.tenant = tenant;
        this.transactions = transactions;
        this.registry = registry;
    }

    /**
     * Records the event: a success inside a transaction is appended when the transaction commits; anything else (or
     * a success outside a transaction) is appended now, in a transaction of its own.
     */
    public void record(AuditEvent event) {
        AuditEntry entry = entryFor(event);
        String schema = schemaFor(event);
        if (event.outcome() == AuditOutcome.SUCCESS && inTransaction()) {
            pending().add(schema, entry);
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> store.append(schema, entry));
    }

    private PendingEntries pending() {
        PendingEntries pending = (PendingEntries) registry.getResource(PendingEntries.class);
        if (pending == null) {
            pending = new PendingEntries(store);
            registry.putResource(PendingEntries.class, pending);
            registry.registerInterposedSynchronization(pending);
        }
        return pending;
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
