package io.tidewatch.platform.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** A multipart body cut off before its closing boundary is the client's mistake: a 400 envelope, never a 500. */
@QuarkusTest
class BrokenMultipartTest {

    private static final byte[] TRUNCATED = ("--XX\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.csv\"\r\n"
            + "\r\nEmail\r\na@x.co").getBytes(StandardCharsets.US_ASCII);

    @Test
    void aTruncatedCsvUploadIsABadRequest() {
        send("POST", "/api/import/group");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/branding/logo", "/api/branding/favicon" })
    void aTruncatedImageUploadIsABadRequest(String path) {
        send("PUT", path);
    }

    private static void send(String method, String path) {
        Tenant tenant = Fixtures.northwind();
        given().header("Authorization", "Bearer " + tenant.adminKey()).header("X-Org-Id", tenant.id())
                .contentType("multipart/form-data; boundary=XX").body(TRUNCATED)
                .request(method, path)
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("message", equalTo("Invalid multipart request"));
    }
}
