package io.tidewatch.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * The failed-sign-in counter of one replica, in memory.
 * <p>
 * TODO(#5): make the counter cluster-wide (a control-schema table or a shared cache) as soon as more than one replica
 * serves the login page (the default deployment runs two to six): each replica counts on its own, so N replicas let
 * an attacker spread N times the allowed failures over a window.
 */
@ApplicationScoped
class InMemoryLoginThrottle implements LoginThrottle {

    /** Beyond this many tracked keys, failures outside the window are dropped at once rather than every 5 minutes. */
    private static final int PRUNE_ABOVE = 100_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    @Override
    public Duration retryAfter(String key, int maxFailures, Duration window) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return Duration.ZERO;
        }
        synchronized (recent) {
            Instant now = Instant.now();
            prune(recent, now.minus(window));
            if (recent.size() < maxFailures) {
                return Duration.ZERO;
            }
            // The oldest failure that still counts leaves the window first.
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        }
    }

    @Override
    public void recordFailure(String key, Duration window) {
        if (failures.size() >= PRUNE_ABOVE) {
            forget(Instant.now().minus(window));
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (recent) {
            Instant now = Instant.now();
            prune(recent, now.minus(window));
            recent.addLast(now);
        }
    }

    @Override
    public void reset(String key) {
        failures.remove(key);
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetOldFailures() {
        forget(Instant.now().minus(Duration.ofHours(1)));
    }

    private void forget(Instant cutoff) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), cutoff);
                return e.getValue().isEmpty();
            }
        });
    }

    private static void prune(Deque<Instant> recent, Instant cutoff) {
        while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
            recent.removeFirst();
        }
    }
}
