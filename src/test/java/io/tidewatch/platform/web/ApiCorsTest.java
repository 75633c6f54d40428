package io.tidewatch.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The API may be called from a page on another origin, as Gophish's may; the console and the login page may not. */
@QuarkusTest
class ApiCorsTest {

    @Test
    void aPreflightIsAnsweredWithoutAKey() {
        given().header("Origin", "https://dashboard.example.test").header("Access-Control-Request-Method", "DELETE")
                .options("/api/campaigns/").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "POST, GET, OPTIONS, PUT, DELETE")
                .header("Access-Control-Max-Age", "1000")
                .header("Access-Control-Allow-Headers", containsString("Content-Type"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("X-Org-Id"));
    }

    @Test
    void everyApiAnswerAllowsAnyOriginWhateverItsOutcome() {
        Tenant tenant = Fixtures.northwind();
        tenant.asAdmin().get("/api/groups/").then().statusCode(200).header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("X-Next-Cursor"));
        given().get("/api/groups/").then().statusCode(401).header("Access-Control-Allow-Origin", "*");
        tenant.asAdmin().get("/api/groups/987654321").then().statusCode(404).header("Access-Control-Allow-Origin", "*");
        Api.asAdmin().get("/api/organizations").then().statusCode(200).header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void theConsoleAndTheLoginPageAllowNoOtherOrigin() {
        Browser.at("sat.example-mssp.test").get("/login").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        Browser.at("sat.example-mssp.test").redirects().follow(false).get("/console").then()
                .header("Access-Control-Allow-Origin", nullValue());
        Browser.at("sat.example-mssp.test").header("Origin", "https://evil.example.test").options("/console").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().get("/apiary").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void recognisesOnlyTheApiPrefix() {
        assertThat(ApiCors.isApi("/api")).isTrue();
        assertThat(ApiCors.isApi("//api//groups/")).isTrue();
        assertThat(ApiCors.isApi("/apiary")).isFalse();
        assertThat(ApiCors.isApi("/console/api")).isFalse();
        given().options("/api/nothing-here").then().statusCode(equalTo(200));
    }
}
