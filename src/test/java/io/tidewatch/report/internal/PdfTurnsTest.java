package io.tidewatch.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;

/** At most one PDF renders per core; a request that finds every turn taken is told to come back later. */
@QuarkusTest
class PdfTurnsTest {

    @Inject
    PdfRenderer renderer;

    @Test
    void aPdfRequestThatGetsNoTurnIsAnswered503WithRetryAfter() throws InterruptedException {
        long org = Fixtures.organization(Map.of("name", "Busy Press", "slug", "busy-" + Fixtures.unique(), "seat_cap", 1));
        int turns = Runtime.getRuntime().availableProcessors();
        renderer.turns().acquire(turns);
        Response busy;
        try {
            busy = Api.asAdmin().accept("application/pdf").queryParam("org_id", org).get("/api/reports/executive");
        } finally {
            renderer.turns().release(turns);
        }
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.header("Retry-After")).isEqualTo("5");
        assertThat(busy.jsonPath().getString("message")).contains("try again");
        Api.asAdmin().accept("application/pdf").queryParam("org_id", org).get("/api/reports/executive").then()
                .statusCode(200);
        Api.asAdmin().accept("application/json").queryParam("org_id", org).get("/api/reports/executive").then()
                .statusCode(200);
    }
}
