package io.tidewatch.metrics;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;

import io.quarkus.logging.Log;
import io.tidewatch.campaign.MailQueue;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;

/**
 * The mail queue depth as a gauge reads it: the last measured value, measured again in the background (never on the
 * scrape) once it is older than the configured time to live. Replicas that nobody scrapes never query.
 */
@Singleton
class QueueDepth {

    private final MailQueue queue;
    private final VertxInternal vertx;
    private final long ttlNanos;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private volatile long depth;
    private volatile long measuredAt;
    private volatile boolean measured;

    QueueDepth(MailQueue queue, Vertx vertx, MetricsConfig config) {
        this.queue = queue;
        this.vertx = (VertxInternal) vertx;
        this.ttlNanos = config.queueDepthTtl().toNanos();
    }

    /** The last measurement (0 before the first); starts a new one when it is stale. */
    double read() {
        if (!measured || System.nanoTime() - measuredAt > ttlNanos) {
            if (measuring.compareAndSet(false, true)) {
                // A fresh context: the measurement carries no request context of the scrape that started it.
                vertx.createEventLoopContext().executeBlocking(() -> {
                    measure();
                    return null;
                }, false).onFailure(e -> {
                    measuring.set(false);
                    Log.warnf(e, "Could not measure the mail queue depth");
                });
            }
        }
        return depth;
    }

    private void measure() {
        try {
            long started = System.nanoTime();
            depth = queue.depth();
            Log.debugf("Mail queue depth %d, measured in %d ms", depth, (System.nanoTime() - started) / 1_000_000);
            measuredAt = System.nanoTime();
            measured = true;
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not measure the mail queue depth");
        } finally {
            measuring.set(false);
        }
    }
}
