package io.tidewatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.tenancy.TenantJdbc;
import io.tidewatch.tenancy.TenantWork;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;
import io.tidewatch.webhook.internal.DeliveryRows;
import io.tidewatch.webhook.internal.DeliveryRows.Claimed;

/**
 * The outbox as several replicas share it: concurrent claimers never get the same delivery, and a delivery is queued
 * only for the webhooks active when its event is recorded.
 */
@QuarkusTest
class WebhookOutboxClaimTest {

    @Inject
    TenantWork tenantWork;

    @Inject
    TenantJdbc jdbc;

    @Test
    void concurrentClaimersNeverShareADelivery() throws Exception {
        Tenant tenant = Fixtures.tenant("Replicas", 5);
        WebhookApiTestSupport.create(tenant, "http://127.0.0.1:9/one", true);
        WebhookApiTestSupport.create(tenant, "http://127.0.0.1:9/two", true);
        WebhookApiTestSupport.create(tenant, "http://127.0.0.1:9/off", false);
        // Queued an hour ahead and claimed "two hours later", so the running delivery job never touches them.
        Instant later = Instant.now().plus(Duration.ofHours(1));
        List<WebhookEvent> events = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            events.add(new WebhookEvent(1, "user" + i + "@example.test", later, "Email Sent", ""));
        }
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            // Tenant work starts its own unit of work, so it runs off the test thread (which has a request context).
            replicas.submit(() -> tenantWork.call(tenant.id(), () -> jdbc.run(c -> {
                DeliveryRows.enqueue(c, events, later);
                return null;
            }))).get();
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                String claim = "replica-" + r;
                Callable<List<Long>> claimer = () -> {
                    List<Long> mine = new ArrayList<>();
                    while (true) {
                        List<Claimed> batch = tenantWork.call(tenant.id(), () -> jdbc.run(c -> DeliveryRows.claim(c,
                                claim, 7, later.plus(Duration.ofHours(1)), later.plus(Duration.ofHours(2)))));
                        if (batch.isEmpty()) {
                            return mine;
                        }
                        batch.forEach(d -> mine.add(d.id()));
                    }
                };
                claims.add(replicas.submit(claimer));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> claim : claims) {
                all.addAll(claim.get());
            }
            assertThat(all).doesNotHaveDuplicates().hasSize(300);
        } finally {
            replicas.shutdownNow();
        }
    }
}
