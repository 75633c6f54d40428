package io.tidewatch.organization;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Organizations whose schema failed its start-up migration or ownership check. They are refused (fail closed) until
 * a later start migrates them; the others carry on.
 */
@ApplicationScoped
public class TenantHealth {

    private final Map<Long, String> broken = new ConcurrentHashMap<>();

    void markBroken(long orgId, String reason) {
        broken.put(orgId, reason);
    }

    void markHealthy(long orgId) {
        broken.remove(orgId);
    }

    /** True when the organization's schema is not usable. */
    public boolean isBroken(long orgId) {
        return broken.containsKey(orgId);
    }

    /** The broken organizations and why. */
    public Map<Long, String> broken() {
        return Map.copyOf(broken);
    }
}
