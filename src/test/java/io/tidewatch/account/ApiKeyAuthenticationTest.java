package io.tidewatch.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;

/** Gophish-style API keys: where they may come from, what failures say, and rotation. */
@QuarkusTest
class ApiKeyAuthenticationTest {

    @Test
    void acceptsABearerKey() {
        given().header("Authorization", "Bearer " + Api.ADMIN_KEY).get("/api/organizations/").then().statusCode(200);
    }

    @Test
    void acceptsABareKeyInTheAuthorizationHeader() {
        given().header("Authorization", Api.ADMIN_KEY).get("/api/organizations/").then().statusCode(200);
    }

    @Test
    void acceptsTheApiKeyParameter() {
        given().queryParam("api_key", Api.ADMIN_KEY).get("/api/organizations/").then().statusCode(200);
    }

    @Test
    void refusesAMissingKeyWithGophishsMessage() {
        given().get("/api/organizations/").then().statusCode(401)
                .body("message", equalTo("API Key not set")).body("success", equalTo(false));
    }

    @Test
    void refusesAWrongKeyWithGophishsMessage() {
        given().header("Authorization", "Bearer nope").get("/api/organizations/").then().statusCode(401)
                .body("message", equalTo("Invalid API Key"));
        given().queryParam("api_key", "nope").get("/api/organizations/").then().statusCode(401)
                .body("message", equalTo("Invalid API Key"));
    }

    @Test
    void resetShowsTheNewKeyOnceAndRetiresTheOldOne() {
        Account account = Fixtures.staffAccount("rotator-" + Fixtures.unique() + "@mssp.test");
        String fresh = Api.as(account.apiKey()).post("/api/reset").then().statusCode(200)
                .body("success", equalTo(true))
                .body("message", equalTo("API Key successfully reset!"))
                .body("data", matchesPattern("[0-9a-f]{64}"))
                .extract().jsonPath().getString("data");

        Api.as(account.apiKey()).get("/api/organizations/").then().statusCode(401);
        Api.as(fresh).get("/api/organizations/").then().statusCode(200);
    }

    @Test
    void aLockedAccountsKeyStopsWorking() {
        Account account = Fixtures.staffAccount("locked-" + Fixtures.unique() + "@mssp.test");
        Api.asAdmin().body(java.util.Map.of("account_locked", true)).put("/api/accounts/" + account.id())
                .then().statusCode(200);
        Api.as(account.apiKey()).get("/api/organizations/").then().statusCode(401)
                .body("message", equalTo("Invalid API Key"));
    }

    @Test
    void keysAreNeverListed() {
        Api.asAdmin().get("/api/accounts").then().statusCode(200).body("api_key", org.hamcrest.Matchers.everyItem(
                org.hamcrest.Matchers.nullValue()));
    }
}
