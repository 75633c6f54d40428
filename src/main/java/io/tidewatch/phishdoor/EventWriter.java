package io.tidewatch.phishdoor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.tidewatch.campaign.CampaignTracking;
import io.tidewatch.campaign.TrackingEvent;
import io.tidewatch.metrics.OperationsMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * The door's write-behind: acknowledged events wait in a bounded in-memory queue and one writer drains it, writing
 * each tenant's events and status changes in one transaction per batch. An event waits at most the flush interval
 * plus one write; a full queue refuses new events (the door answers 503) rather than growing without bound; shutdown
 * drains the queue before the database closes. The queue is lock-free and the writer looks at it every few
 * milliseconds instead of being woken per event, so a hit costs the event loop one enqueue and no thread hand-off.
 */
@Singleton
class EventWriter {

    private static final int MAX_BATCH = 2000;
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final CampaignTracking tracking;
    private final Vertx vertx;
    private final OperationsMetrics metrics;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int capacity;
    private final long flushNanos;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopping;
    private WorkerExecutor executor;

    EventWriter(CampaignTracking tracking, Vertx vertx, PhishDoorConfig config, OperationsMetrics metrics) {
        this.tracking = tracking;
        this.vertx = vertx;
        this.metrics = metrics;
        this.capacity = Math.max(1000, config.queueCapacity());
        this.flushNanos = config.flushInterval().toNanos();
    }

    /** An event of one tenant, and when it was acknowledged. */
    private record Pending(long orgId, TrackingEvent event, long queuedAt) {
    }

    void start() {
        executor = vertx.createSharedWorkerExecutor("tidewatch-phish-writer", 1, 3650, TimeUnit.DAYS);
        executor.executeBlocking(() -> {
            run();
            return null;
        }, false);
    }

    /** Queues an event; false when the queue is full (nothing is recorded then). */
    boolean offer(long orgId, TrackingEvent event) {
        if (stopping) {
            return false;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            return false;
        }
        return queue.offer(new Pending(orgId, event, System.nanoTime()));
    }

    /** Stops taking events and waits (up to {@code seconds}) until every queued one is written. */
    void stop(long seconds) {
        stopping = true;
        try {
            if (!finished.await(seconds, TimeUnit.SECONDS)) {
                Log.warnf("Tracking writer did not drain in %d s; %d events not written", seconds, queued.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (executor != null) {
            executor.close();
        }
        Log.infof("Tracking writer stopped: %d events written, %d lost", written.get(), dropped.get());
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        try {
            while (!stopping || !queue.isEmpty()) {
                Pending first = queue.poll();
                if (first == null) {
                    LockSupport.parkNanos(IDLE_NANOS);
                    continue;
                }
                batch.add(first);
                long deadline = first.queuedAt() + flushNanos;
                while (true) {
                    drain(batch);
                    long left = deadline - System.nanoTime();
                    if (batch.size() >= MAX_BATCH || left <= 0 || stopping) {
                        break;
                    }
                    LockSupport.parkNanos(Math.min(left, IDLE_NANOS));
                }
                queued.addAndGet(-batch.size());
                write(batch);
                batch.clear();
            }
        } finally {
            finished.countDown();
        }
    }

    /** Whether the organization is gone (or going): its events have nowhere to go, and that is no failure. */
    private boolean deleted(long orgId) {
        try {
            return !tracking.isActive(orgId);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void drain(List<Pending> batch) {
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
    }

    private void write(List<Pending> batch) {
        Map<Long, List<TrackingEvent>> byTenant = new LinkedHashMap<>();
        for (Pending p : batch) {
            byTenant.computeIfAbsent(p.orgId(), k -> new ArrayList<>()).add(p.event());
        }
        for (Map.Entry<Long, List<TrackingEvent>> tenant : byTenant.entrySet()) {
            try {
                tracking.record(tenant.getKey(), tenant.getValue());
                written.addAndGet(tenant.getValue().size());
                metrics.tracked(tenant.getKey(), tenant.getValue());
            } catch (RuntimeException e) {
                if (deleted(tenant.getKey())) {
                    Log.infof("Dropped %d tracking events of organization %d, deleted since they arrived",
                            tenant.getValue().size(), tenant.getKey());
                    continue;
                }
                dropped.addAndGet(tenant.getValue().size());
                Log.errorf(e, "Could not write %d tracking events of organization %d (%d lost so far)",
                        tenant.getValue().size(), tenant.getKey(), dropped.get());
            }
        }
    }
}
