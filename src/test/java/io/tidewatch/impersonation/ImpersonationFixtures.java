package io.tidewatch.impersonation;

import java.util.HashMap;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;

/** Builders for impersonation tests: staff accounts with or without the right to impersonate, and started sessions. */
final class ImpersonationFixtures {

    private ImpersonationFixtures() {
    }

    /** A started impersonation and its token. */
    record Session(long id, long orgId, String token) {
    }

    /** MSSP staff granted impersonation. */
    static Account grantedStaff() {
        return staff(true);
    }

    /** MSSP staff without the right to impersonate. */
    static Account ungrantedStaff() {
        return staff(false);
    }

    private static Account staff(boolean canImpersonate) {
        String username = "staff-" + Fixtures.unique() + "@mssp.test";
        JsonPath json = Api.asAdmin()
                .body(Map.of("username", username, "password", "correct-horse-battery", "platform_role", "mssp_staff",
                        "can_impersonate", canImpersonate))
                .post("/api/accounts").then().statusCode(201).extract().jsonPath();
        return new Account(json.getLong("id"), json.getString("username"), json.getString("api_key"));
    }

    /** Starts an impersonation of the organization with this API key, for {@code minutes} (null: the default). */
    static Session start(String apiKey, long orgId, String reason, Integer minutes) {
        Map<String, Object> body = new HashMap<>();
        body.put("org_id", orgId);
        body.put("reason", reason);
        if (minutes != null) {
            body.put("minutes", minutes);
        }
        JsonPath json = Api.as(apiKey).body(body).post("/api/impersonations").then().statusCode(201).extract().jsonPath();
        return new Session(json.getLong("id"), json.getLong("org_id"), json.getString("token"));
    }
}
