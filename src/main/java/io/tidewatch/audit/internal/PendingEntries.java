package io.tidewatch.audit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.transaction.Synchronization;

/**
 * The entries one transaction recorded, chained into their logs just before it commits. Holding no chain head while
 * the transaction's own work runs means a refusal recorded in a separate transaction meanwhile cannot wait on it, and
 * concurrent writers queue only for the moment of the append. Logs are appended in one fixed order (by schema name),
 * so two transactions writing to the same logs cannot deadlock on their heads.
 */
public final class PendingEntries implements Synchronization {

    private final AuditStore store;
    private final Map<String, List<AuditEntry>> bySchema = new TreeMap<>();

    /** Pending entries for one transaction, to be appended through {@code store}. */
    public PendingEntries(AuditStore store) {
        this.store = store;
    }

    /** Queues the entry for the log in {@code schema}. */
    public void add(String schema, AuditEntry entry) {
        bySchema.computeIfAbsent(schema, s -> new ArrayList<>()).add(entry);
    }

    @Override
    public void beforeCompletion() {
        bySchema.forEach(store::append);
        bySchema.clear();
    }

    @Override
    public void afterCompletion(int status) {
        bySchema.clear();
    }
}
