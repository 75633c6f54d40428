package io.tidewatch.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document and its browser view answer on the admin door, and are not limited to development. */
@QuarkusTest
class OpenApiTest {

    @Test
    void servesTheOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("\"title\" : \"Tidewatch API\"")).body(containsString("/api/campaigns/"))
                .body(not(containsString("\"/console/"))).body(not(containsString("\"/login\"")));
    }

    @Test
    void servesTheSwaggerUi() {
        given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("swagger-ui"));
    }

    @Test
    void includesTheUiInProductionBuilds() throws IOException {
        String properties = Files.readString(Path.of("src", "main", "resources", "application.properties"));

        assertThat(properties).containsPattern("(?m)^quarkus\\.swagger-ui\\.always-include=true$")
                .doesNotContainPattern("(?m)^%prod\\.quarkus\\.(swagger-ui|smallrye-openapi)\\.[a-z-]*(enable|include)");
    }
}
