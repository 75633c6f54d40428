package io.tidewatch.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;

/** Values the database cannot store faithfully, or that only look like the right type, are refused with a 400. */
@QuarkusTest
class InputHygieneTest {

    private static Map<String, Object> organization() {
        String slug = "hygiene-" + Fixtures.unique();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Hygiene");
        body.put("slug", slug);
        body.put("seat_cap", 5);
        return body;
    }

    @Test
    void refusesNulCharactersAndUnpairedSurrogates() {
        Map<String, Object> nul = organization();
        nul.put("name", "Bad\u0000Name");
        Api.asAdmin().body(nul).post("/api/organizations/").then().statusCode(400)
                .body("message", startsWith("Invalid JSON structure"));
        Api.asAdmin().body("{\"name\":\"x\\ud800y\",\"slug\":\"s-" + Fixtures.unique() + "\",\"seat_cap\":1}")
                .post("/api/organizations/").then().statusCode(400);
    }

    @Test
    void keepsUnicodeThatIsWellFormed() {
        Map<String, Object> body = organization();
        body.put("name", "Łódź Zoë 北京 \uD83D\uDE80");
        Api.asAdmin().body(body).post("/api/organizations/").then().statusCode(201)
                .body("name", equalTo("Łódź Zoë 北京 \uD83D\uDE80"));
    }

    @Test
    void refusesNumbersThatAreNotWholeOrAreText() {
        Map<String, Object> fraction = organization();
        fraction.put("seat_cap", 1.5);
        Api.asAdmin().body(fraction).post("/api/organizations/").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure: seat_cap has an invalid value"));
        Map<String, Object> text = organization();
        text.put("seat_cap", "5");
        Api.asAdmin().body(text).post("/api/organizations/").then().statusCode(400);
    }

    @Test
    void refusesANumberOrABooleanWhereTextBelongs() {
        Map<String, Object> number = organization();
        number.put("name", 123);
        Api.asAdmin().body(number).post("/api/organizations/").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure: name has an invalid value"));
        Map<String, Object> flag = organization();
        flag.put("name", true);
        Api.asAdmin().body(flag).post("/api/organizations/").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure: name has an invalid value"));
        Fixtures.northwind().asAdmin().body(Map.of("content", 12)).post("/api/import/email").then().statusCode(400)
                .body("message", equalTo("Error decoding JSON Request"));
    }

    @Test
    void refusesAnIpAddressAsTheTenantHost() {
        Map<String, Object> body = organization();
        body.put("host", "127.0.0.1");
        Api.asAdmin().body(body).post("/api/organizations/").then().statusCode(400).body("message", startsWith("host:"));
    }

    @Test
    void refusesPasswordsBcryptWouldTruncate() {
        Api.asAdmin().body(Map.of("username", "long-" + Fixtures.unique(), "password", "x".repeat(73),
                "platform_role", "mssp_staff")).post("/api/accounts").then().statusCode(400)
                .body("message", equalTo("Password must be at most 72 bytes"));
    }
}
