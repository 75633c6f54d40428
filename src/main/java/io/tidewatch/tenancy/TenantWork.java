package io.tidewatch.tenancy;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs work outside HTTP (jobs, start-up checks) for an explicit organization: a fresh unit of work with its own
 * request context and transaction, so no schema leaks in or out.
 */
@ApplicationScoped
public class TenantWork {

    private final Instance<TenantContext> context;

    TenantWork(Instance<TenantContext> context) {
        this.context = context;
    }

    /** Runs {@code work} in organization {@code orgId} in a new transaction and returns its result. */
    public <T> T call(long orgId, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            throw new IllegalStateException("tenant work must start its own unit of work");
        }
        requestContext.activate();
        try {
            context.get().enter(orgId);
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            requestContext.terminate();
        }
    }
}
