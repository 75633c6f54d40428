package io.tidewatch.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** A body over the HTTP limit under /api is refused with the Gophish envelope, and nothing of it is saved. */
@QuarkusTest
class OversizedBodyTest {

    @Test
    void aBodyOverTheLimitIsA413EnvelopeAndCreatesNothing() {
        Tenant tenant = Fixtures.northwind();
        int before = tenant.asAdmin().get("/api/templates/").jsonPath().getList("$").size();
        byte[] body = new byte[13 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[body.length - 1] = '}';

        given().header("Authorization", "Bearer " + tenant.adminKey()).header("X-Org-Id", tenant.id())
                .contentType("application/json").body(body)
                .post("/api/templates/")
                .then().statusCode(413)
                .contentType("application/json")
                .body("success", equalTo(false))
                .body("message", startsWith("Request too large"));

        tenant.asAdmin().get("/api/templates/").then().body("size()", equalTo(before));
    }
}
