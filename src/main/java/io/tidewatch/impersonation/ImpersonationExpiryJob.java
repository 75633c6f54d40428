package io.tidewatch.impersonation;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Ends impersonations whose time ran out, every 30 seconds. Safe with several replicas: each impersonation is marked
 * under its row lock and only if still unmarked, so exactly one replica records its end.
 */
@ApplicationScoped
class ImpersonationExpiryJob {

    /** Impersonations handled per run; the rest wait for the next run. */
    static final int BATCH = 500;

    private final ImpersonationService impersonations;

    ImpersonationExpiryJob(ImpersonationService impersonations) {
        this.impersonations = impersonations;
    }

    @Scheduled(identity = "impersonation-expiry", every = "30s", delayed = "5s", concurrentExecution = SKIP)
    void run() {
        expireDue(Instant.now());
    }

    /** Marks every impersonation due at {@code now} as expired; returns how many this call marked. */
    int expireDue(Instant now) {
        List<Long> due = impersonations.listDue(now, BATCH);
        int expired = 0;
        for (long id : due) {
            try {
                if (impersonations.expire(id, now)) {
                    expired++;
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "Could not mark impersonation %d as expired; retrying at the next run", id);
            }
        }
        if (expired > 0) {
            Log.infof("Marked %d impersonation(s) as expired", expired);
        }
        return expired;
    }
}
