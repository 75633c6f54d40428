package io.tidewatch.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tidewatch.organization.OrganizationDirectory;
import io.tidewatch.platform.secret.Secrets;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.tenancy.TenantJdbc;
import io.tidewatch.tenancy.TenantWork;
import io.tidewatch.webhook.internal.DeliveryRows;
import io.tidewatch.webhook.internal.DeliveryRows.Claimed;
import io.tidewatch.webhook.internal.DeliveryRows.Failure;
import io.tidewatch.webhook.internal.DeliveryRows.Target;
import io.tidewatch.webhook.internal.WebhookClient;
import io.tidewatch.webhook.internal.WebhookClient.Endpoint;
import io.tidewatch.webhook.internal.WebhookClient.Outcome;
import io.tidewatch.webhook.internal.WebhookPayload;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Delivers the webhook outbox. A round claims each due organization's deliveries (a short transaction per tenant:
 * {@code FOR UPDATE SKIP LOCKED} plus a lease, so replicas never deliver a row concurrently), posts them, all
 * organizations and webhooks at once and each webhook's events in order, then records the outcomes: delivered rows are
 * deleted, failed ones retried with exponential backoff until {@code max-attempts}, then marked failed. Which
 * organizations are due is known from the events this instance queued and from a periodic sweep of every organization
 * (for events other instances queued, or left behind by a crash).
 */
@Singleton
public class WebhookDeliveryJob {

    private final WebhookConfig config;
    private final TenantWork tenantWork;
    private final TenantJdbc jdbc;
    private final WebhookClient client;
    private final Secrets secrets;
    private final OrganizationDirectory organizations;
    private final Vertx vertx;
    private final String instance = "webhooks-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<Long, Instant> due = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong rounds = new AtomicLong();
    private volatile Instant nextSweep = Instant.EPOCH;
    private volatile boolean stopping;
    private WorkerExecutor executor;
    private Context home;

    WebhookDeliveryJob(WebhookConfig config, TenantWork tenantWork, TenantJdbc jdbc, WebhookClient client,
            Secrets secrets, OrganizationDirectory organizations, Vertx vertx) {
        this.config = config;
        this.tenantWork = tenantWork;
        this.jdbc = jdbc;
        this.client = client;
        this.secrets = secrets;
        this.organizations = organizations;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        executor = vertx.createSharedWorkerExecutor("tidewatch-webhooks", 1, 10, TimeUnit.MINUTES);
        // The job's own context: rounds started from it carry no request or log context of whoever woke the job.
        home = vertx.getOrCreateContext();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        if (executor != null) {
            executor.close();
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Events of {@code orgId} were queued and committed: deliver them now. */
    void queued(long orgId) {
        due.put(orgId, Instant.EPOCH);
        wake();
    }

    /** Runs a round unless one is running, in which case that one runs again when it ends. */
    void wake() {
        if (!config.deliver() || stopping || executor == null) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            home.runOnContext(ignored -> executor.executeBlocking(() -> {
                drain();
                return null;
            }, false));
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false) && !stopping) {
                if (round()) {
                    again.set(true);
                }
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Webhook delivery round failed");
        } finally {
            running.set(false);
        }
        if (again.get()) {
            wake();
        }
    }

    /** One round over the due organizations; true when some organization had a full batch (more is waiting). */
    private boolean round() {
        Instant now = Instant.now();
        if (!now.isBefore(nextSweep)) {
            nextSweep = now.plus(config.sweepInterval());
            sweep(now);
        }
        List<Long> dueOrgs = new ArrayList<>();
        due.forEach((orgId, at) -> {
            if (!at.isAfter(now)) {
                dueOrgs.add(orgId);
            }
        });
        if (dueOrgs.isEmpty()) {
            return false;
        }
        String claim = instance + ":" + rounds.incrementAndGet();
        List<Batch> batches = new ArrayList<>();
        for (long orgId : dueOrgs) {
            due.remove(orgId);
            try {
                batches.add(tenantWork.call(orgId, () -> claim(orgId, claim, now)));
            } catch (RuntimeException e) {
                Log.warnf("Webhook deliveries of organization %d could not be claimed: %s", orgId, e.toString());
                remember(orgId, now.plus(config.sweepInterval()));
            }
        }
        deliver(batches);
        boolean more = false;
        for (Batch batch : batches) {
            more |= batch.claimed() >= config.batchSize();
            try {
                tenantWork.call(batch.orgId(), () -> record(batch, claim)).ifPresent(at -> remember(batch.orgId(), at));
            } catch (RuntimeException e) {
                Log.warnf("Webhook outcomes of organization %d could not be recorded: %s", batch.orgId(), e.toString());
                remember(batch.orgId(), Instant.now().plus(config.lease()));
            }
        }
        return more;
    }

    /** Finds every organization's next due delivery and drops failed deliveries past their keep time. */
    private void sweep(Instant now) {
        for (long orgId : organizations.activeIds()) {
            try {
                tenantWork.call(orgId, () -> jdbc.run(c -> {
                    DeliveryRows.purgeFailed(c, now.minus(config.keepFailed()));
                    return DeliveryRows.nextDue(c);
                })).ifPresent(at -> remember(orgId, at));
            } catch (RuntimeException e) {
                Log.debugf("Webhook sweep skipped organization %d: %s", orgId, e.toString());
            }
        }
    }

    private void remember(long orgId, Instant at) {
        due.merge(orgId, at, (a, b) -> a.isBefore(b) ? a : b);
    }

    private Batch claim(long orgId, String claim, Instant now) {
        return jdbc.run(c -> {
            List<Claimed> rows = DeliveryRows.claim(c, claim, config.batchSize(), now, now.plus(config.lease()));
            Map<Long, Target> targets = DeliveryRows.targets(c,
                    rows.stream().map(Claimed::webhookId).distinct().toList());
            Map<Long, Hook> hooks = new LinkedHashMap<>();
            List<Long> dropped = new ArrayList<>();
            for (Claimed row : rows) {
                Target target = targets.get(row.webhookId());
                if (target == null || !target.active()) {
                    dropped.add(row.id());
                    continue;
                }
                hooks.computeIfAbsent(target.id(), id -> new Hook(target.id(), target.url(),
                        target.secretSealed().isEmpty() ? "" : secrets.open(target.secretSealed(), WebhookService.SECRET),
                        new ArrayList<>())).rows().add(row);
            }
            DeliveryRows.remove(c, claim, dropped);
            return new Batch(orgId, rows.size(), List.copyOf(hooks.values()), new Results());
        });
    }

    private Optional<Instant> record(Batch batch, String claim) {
        Instant now = Instant.now();
        Results results = batch.results();
        List<Failure> failures = new ArrayList<>(results.failed);
        return jdbc.run(c -> {
            DeliveryRows.remove(c, claim, results.delivered);
            DeliveryRows.fail(c, claim, failures, config.maxAttempts(), attempts -> now.plus(backoff(attempts)));
            DeliveryRows.release(c, claim, results.unattempted, now);
            long exhausted = failures.stream().filter(f -> f.attempts() >= config.maxAttempts()).count();
            if (exhausted > 0) {
                Log.warnf("Webhook delivery: %d events marked failed after %d attempts", exhausted, config.maxAttempts());
            }
            Log.debugf("Webhook delivery: %d delivered, %d failed, %d put back", results.delivered.size(),
                    failures.size(), results.unattempted.size());
            return DeliveryRows.nextDue(c);
        });
    }

    /** The delay after the given number of failed attempts: base, doubling, at most the configured maximum. */
    Duration backoff(int attempts) {
        Duration delay = config.backoffBase().multipliedBy(1L << Math.min(Math.max(0, attempts - 1), 20));
        return delay.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : delay;
    }

    /** Posts every batch, each webhook's events one after another; waits for all within the round's time. */
    private void deliver(List<Batch> batches) {
        long roundNanos = config.lease().dividedBy(2).toNanos();
        long deadline = System.nanoTime() + roundNanos;
        List<Future<Void>> chains = new ArrayList<>();
        for (Batch batch : batches) {
            for (Hook hook : batch.hooks()) {
                chains.add(chain(hook, batch.results(), deadline));
            }
        }
        if (chains.isEmpty()) {
            return;
        }
        long wait = roundNanos + config.connectTimeout().plus(config.readTimeout()).multipliedBy(2).toNanos();
        try {
            Future.join(chains).toCompletionStage().toCompletableFuture().get(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Log.warnf("Webhook delivery round ended before every request did: %s", e.toString());
        }
    }

    /**
     * Posts a webhook's events in order, each its own attempt. When the endpoint cannot be reached at all (refused,
     * timed out, not resolvable or not allowed) the webhook's remaining events in this round share that failure (an
     * attempt each) instead of each waiting for the same timeout; events not started before the deadline are put back
     * unattempted.
     */
    private Future<Void> chain(Hook hook, Results results, long deadline) {
        Endpoint endpoint;
        try {
            endpoint = client.endpoint(hook.url());
        } catch (ApiException e) {
            for (Claimed row : hook.rows()) {
                results.failed.add(new Failure(row.id(), row.attempts() + 1, e.getMessage()));
            }
            return Future.succeededFuture();
        }
        String[] down = new String[1];
        Future<Void> chain = Future.succeededFuture();
        for (Claimed row : hook.rows()) {
            chain = chain.compose(ignored -> {
                if (down[0] != null) {
                    results.failed.add(new Failure(row.id(), row.attempts() + 1, down[0]));
                    return Future.succeededFuture();
                }
                if (System.nanoTime() > deadline || stopping) {
                    results.unattempted.add(row.id());
                    return Future.succeededFuture();
                }
                return client.post(endpoint, WebhookPayload.of(row.event()), hook.secret()).map(outcome -> {
                    settle(hook, row, outcome, results, down);
                    return null;
                });
            });
        }
        return chain;
    }

    private static void settle(Hook hook, Claimed row, Outcome outcome, Results results, String[] down) {
        if (outcome.delivered()) {
            results.delivered.add(row.id());
            return;
        }
        if (outcome.status() == 0) {
            down[0] = outcome.error();
        }
        results.failed.add(new Failure(row.id(), row.attempts() + 1, outcome.error()));
        Log.debugf("Webhook %d: delivery attempt %d failed: %s", hook.id(), row.attempts() + 1, outcome.error());
    }

    /** One organization's claimed deliveries, by webhook, and what became of them. */
    private record Batch(long orgId, int claimed, List<Hook> hooks, Results results) {
    }

    /** A webhook with its opened secret and its claimed deliveries, oldest first. */
    private record Hook(long id, String url, String secret, List<Claimed> rows) {
    }

    /** Outcomes, filled in from event-loop threads. */
    private static final class Results {
        private final Queue<Long> delivered = new ConcurrentLinkedQueue<>();
        private final Queue<Failure> failed = new ConcurrentLinkedQueue<>();
        private final Queue<Long> unattempted = new ConcurrentLinkedQueue<>();
    }
}
