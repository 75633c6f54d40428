package io.tidewatch.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** REST Assured entry points with Tidewatch credentials. */
public final class Api {

    /** The initial MSSP admin's API key in the test profile (see application.properties). */
    public static final String ADMIN_KEY = "7e57a6d31e0000000000000000000000000000000000000000000000000000a1";

    private Api() {
    }

    /** A request as the MSSP admin. */
    public static RequestSpecification asAdmin() {
        return as(ADMIN_KEY);
    }

    /** A request with this API key, JSON in and out. */
    public static RequestSpecification as(String apiKey) {
        return given().header("Authorization", "Bearer " + apiKey).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request with this API key acting in this organization. */
    public static RequestSpecification as(String apiKey, long orgId) {
        return as(apiKey).header("X-Org-Id", orgId);
    }
}
