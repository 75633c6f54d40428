package io.tidewatch.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** Many requests racing for one name in one tenant: exactly one is created, every other one gets the 409 envelope. */
@QuarkusTest
class ConcurrentNamesTest {

    private static final int ATTEMPTS = 10;

    @Test
    void templatesRacingForOneNameGetOne201AndOnly409s() throws Exception {
        race("/api/templates/", Map.of("name", "rt", "subject", "Hi", "html", "<p>Hi</p>", "text", "Hi"),
                "Template name already in use");
    }

    @Test
    void groupsRacingForOneNameGetOne201AndOnly409s() throws Exception {
        race("/api/groups/", Map.of("name", "rt", "targets", List.of(Map.of("email", "a@race.example"))),
                "Group name already in use");
    }

    @Test
    void pagesRacingForOneNameGetOne201AndOnly409s() throws Exception {
        race("/api/pages/", Map.of("name", "rt", "html", "<p>Hi</p>"), "Page name already in use");
    }

    @Test
    void sendingProfilesRacingForOneNameGetOne201AndOnly409s() throws Exception {
        race("/api/smtp/", Map.of("name", "rt", "interface_type", "SMTP", "host", "smtp.example.com:587",
                "from_address", "it@race.example"), "SMTP name already in use");
    }

    private static void race(String path, Map<String, Object> body, String conflict) throws Exception {
        Tenant tenant = Fixtures.tenant("Names " + Fixtures.unique(), 50);
        ExecutorService pool = Executors.newFixedThreadPool(ATTEMPTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < ATTEMPTS; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return tenant.asAdmin().body(body).post(path);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response response = call.get(120, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.jsonPath().getString("message")).isEqualTo(conflict);
                    assertThat(response.jsonPath().getBoolean("success")).isFalse();
                }
            }
            assertThat(statuses).as(path).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(tenant.asAdmin().get(path).then().statusCode(200).extract().jsonPath().getList("name"))
                .containsExactly("rt");
    }
}
