package io.tidewatch.webhook;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.tidewatch.webhook.internal.DeliveryRows;

/**
 * Where campaign events enter webhook delivery. Event writers call {@link #enqueue} on their tenant connection, inside
 * the transaction that records the events, so an event is queued exactly when it is recorded; delivery happens later,
 * off the request, in {@link WebhookDeliveryJob}. Whether the tenant has an active webhook at all is remembered for
 * {@code tidewatch.webhook.active-cache-ttl}, so tenants without webhooks pay one map lookup per batch.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final Map<Long, Flag> active = new ConcurrentHashMap<>();
    private final TransactionSynchronizationRegistry transactions;
    private final WebhookDeliveryJob job;
    private final long ttlNanos;

    WebhookOutbox(TransactionSynchronizationRegistry transactions, WebhookDeliveryJob job, WebhookConfig config) {
        this.transactions = transactions;
        this.job = job;
        this.ttlNanos = config.activeCacheTtl().toNanos();
    }

    /**
     * Queues the events for every active webhook of organization {@code orgId}: one batched insert on {@code c}, the
     * tenant connection of the current transaction. Nothing is written when the organization has no active webhook.
     */
    public void enqueue(Connection c, long orgId, List<WebhookEvent> events) throws SQLException {
        if (events.isEmpty() || !hasActive(c, orgId)) {
            return;
        }
        DeliveryRows.enqueue(c, events, Instant.now());
        transactions.registerInterposedSynchronization(afterCommit(() -> job.queued(orgId)));
    }

    /** The organization's webhooks changed: forget what is remembered about them, now and when the change commits. */
    void changed(long orgId) {
        active.remove(orgId);
        transactions.registerInterposedSynchronization(afterCommit(() -> active.remove(orgId)));
    }

    private boolean hasActive(Connection c, long orgId) throws SQLException {
        long now = System.nanoTime();
        Flag flag = active.get(orgId);
        if (flag != null && now - flag.checkedAt() < ttlNanos) {
            return flag.any();
        }
        boolean any = DeliveryRows.anyActive(c);
        active.put(orgId, new Flag(any, now));
        return any;
    }

    private static Synchronization afterCommit(Runnable action) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        };
    }

    /** What was found, and when (System.nanoTime). */
    private record Flag(boolean any, long checkedAt) {
    }
}
