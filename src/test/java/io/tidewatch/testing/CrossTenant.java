package io.tidewatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;

import io.restassured.response.Response;

/**
 * The cross-tenant harness: tenant A's credentials aimed at tenant B's ids must get exactly what a missing id gets
 * (404, same body), and B's data must be unchanged afterwards. Each capability lists its tenant-scoped endpoints
 * as {@link Probe}s in its own test and runs them through {@link #assertIsolated}.
 */
public final class CrossTenant {

    /** An id that no tenant holds. */
    public static final long MISSING_ID = 987_654_321L;

    private CrossTenant() {
    }

    /**
     * One endpoint and method: {@code path} holds {@code {id}}; {@code body} is sent for writes (may be null);
     * {@code snapshot} reads B's state, as B, before and after the probe.
     */
    public record Probe(String method, String path, Object body, Supplier<String> snapshot) {

        /** A probe whose snapshot is B's own GET of the same path. */
        public static Probe of(String method, String path, Object body, Tenant owner, long ownerId) {
            String own = path.replace("{id}", Long.toString(ownerId));
            return new Probe(method, path, body, () -> owner.asAdmin().get(own).then().extract().asString());
        }
    }

    /** Runs the probe with A's credentials against B's id {@code victimId} and checks isolation. */
    public static void assertIsolated(Tenant attacker, Tenant victim, long victimId, Probe probe) {
        String before = probe.snapshot().get();
        Response missing = send(attacker, probe, MISSING_ID);
        Response crossed = send(attacker, probe, victimId);
        assertThat(crossed.statusCode())
                .as("%s %s with another tenant's id", probe.method(), probe.path())
                .isEqualTo(404);
        assertThat(crossed.asString())
                .as("%s %s answers another tenant's id exactly like a missing one", probe.method(), probe.path())
                .isEqualTo(missing.asString());
        assertThat(probe.snapshot().get())
                .as("%s %s left the other tenant's data unchanged", probe.method(), probe.path())
                .isEqualTo(before);
    }

    private static Response send(Tenant attacker, Probe probe, long id) {
        var request = attacker.asAdmin();
        if (probe.body() != null) {
            request = request.body(probe.body());
        }
        return request.request(probe.method(), probe.path().replace("{id}", Long.toString(id)));
    }
}
