package io.tidewatch.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;

/** Every non-2xx answer under /api is the Gophish envelope with a precise status. */
@QuarkusTest
class ErrorEnvelopeTest {

    @Test
    void unknownApiPathIsAJsonNotFound() {
        Api.asAdmin().get("/api/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/json"))
                .body("message", equalTo("Not found")).body("success", equalTo(false)).body("data", nullValue());
    }

    @Test
    void unhandledMethodIsAJsonMethodNotAllowed() {
        Api.asAdmin().patch("/api/organizations/").then().statusCode(405)
                .body("message", equalTo("Method not allowed")).body("success", equalTo(false));
    }

    @Test
    void malformedJsonIsABadRequest() {
        Api.asAdmin().body("{\"name\": ").post("/api/organizations/").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure")).body("success", equalTo(false));
    }

    @Test
    void aBodyOfTheWrongShapeIsABadRequest() {
        Api.asAdmin().body("[1, 2, 3]").post("/api/organizations/").then().statusCode(400)
                .body("success", equalTo(false));
    }

    @Test
    void aNonNumericIdIsNotFound() {
        Api.asAdmin().get("/api/organizations/abc").then().statusCode(404).body("success", equalTo(false));
    }

    @Test
    void aBadOrganizationSelectorIsABadRequestNamingIt() {
        Api.asAdmin().header("X-Org-Id", "north").get("/api/users/").then().statusCode(400)
                .body("message", equalTo("X-Org-Id: must be an organization id"));
        Api.asAdmin().queryParam("org_id", "-4").get("/api/users/").then().statusCode(400)
                .body("message", equalTo("org_id: must be an organization id"));
    }

    @Test
    void aForbiddenOrganizationIsAJsonForbidden() {
        Api.asAdmin().header("X-Org-Id", 987654321).get("/api/users/").then().statusCode(403)
                .body("message", equalTo("Forbidden")).body("success", equalTo(false));
    }
}
