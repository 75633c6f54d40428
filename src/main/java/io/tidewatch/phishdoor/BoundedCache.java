package io.tidewatch.phishdoor;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * A small concurrent cache with a time to live and a size bound; past the bound a tenth of the entries (effectively
 * random ones) are dropped. Values may be null to remember that a key is unknown.
 */
final class BoundedCache<K, V> {

    private final ConcurrentHashMap<K, Entry<V>> map = new ConcurrentHashMap<>();
    private final int maxSize;
    private final long ttlNanos;

    BoundedCache(int maxSize, Duration ttl) {
        this.maxSize = Math.max(16, maxSize);
        this.ttlNanos = ttl.toNanos();
    }

    /** A live entry, or null when absent or expired. */
    Entry<V> get(K key) {
        Entry<V> entry = map.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.created() > ttlNanos) {
            map.remove(key, entry);
            return null;
        }
        return entry;
    }

    void put(K key, V value) {
        if (map.size() >= maxSize) {
            int drop = maxSize / 10;
            for (Iterator<K> it = map.keySet().iterator(); it.hasNext() && drop-- > 0;) {
                it.next();
                it.remove();
            }
        }
        map.put(key, new Entry<>(value, System.nanoTime()));
    }

    void remove(K key) {
        map.remove(key);
    }

    /** Drops every entry the predicate picks. */
    void removeIf(BiPredicate<K, V> stale) {
        map.entrySet().removeIf(e -> stale.test(e.getKey(), e.getValue().value()));
    }

    /** A cached value (null: known to be absent) and when it was loaded. */
    record Entry<V>(V value, long created) {
    }
}
