package io.tidewatch.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.tidewatch.campaign.MailQueue;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The mail queue depth as a gauge reads it: the last measured value, measured again in the background (never on the
 * scrape) once it is older than the configured time to live. Replicas that nobody scrapes never query.
 */
@Singleton
class QueueDepth {

    private final MailQueue queue;
    private final Context home;
    private final long ttlNanos;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private volatile long depth;
    private volatile long measuredAt;
    private volatile boolean measured;

    QueueDepth(MailQueue queue, Vertx vertx, MetricsConfig config) {
        this.queue = queue;
        // A context of its own, made at start-up: a measurement started from a scrape carries no request context.
        this.home = vertx.getOrCreateContext();
        this.ttlNanos = config.queueDepthTtl().toNanos();
    }

    /** The last measurement (0 before the first); starts a new one when it is stale. */
    double read() {
        if (!measured || System.nanoTime() - measuredAt > ttlNanos) {
            if (measuring.compareAndSet(false, true)) {
                home.executeBlocking(() -> {
                    measure();
                    return null;
                }, false);
            }
        }
        return depth;
    }

    private void measure() {
        try {
            depth = queue.depth();
            measuredAt = System.nanoTime();
            measured = true;
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not measure the mail queue depth");
        } finally {
            measuring.set(false);
        }
    }
}
