package io.tidewatch.session;

import java.time.Duration;

/**
 * Counts failed sign-ins per key (an account, a client address) over a sliding window, so that guessing passwords is
 * slowed to a handful of tries per window. Behind an interface so the in-memory counter can be replaced by a
 * cluster-wide one.
 */
public interface LoginThrottle {

    /** How long the key must wait before another attempt may be tried, or {@link Duration#ZERO} when it may now. */
    Duration retryAfter(String key, int maxFailures, Duration window);

    /** Counts one failure for the key. */
    void recordFailure(String key, Duration window);

    /** Forgets the key's failures (after a successful sign-in). */
    void reset(String key);
}
