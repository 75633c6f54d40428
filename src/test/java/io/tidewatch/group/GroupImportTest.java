package io.tidewatch.group;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/import/group}: multipart CSV in, Gophish targets out, every bad row reported by line. */
@QuarkusTest
class GroupImportTest {

    static Tenant tenant;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    private static io.restassured.response.ValidatableResponse upload(String part, byte[] csv) {
        return given().header("Authorization", "Bearer " + tenant.adminKey()).header("X-Org-Id", tenant.id())
                .multiPart(part, "people.csv", csv, "text/csv").post("/api/import/group").then();
    }

    @Test
    void importsAnExcelSemicolonExportWithABom() {
        byte[] csv = "\uFEFFFirst Name;Last Name;E-Mail Address;Job Title\r\nZoë;Łódź;zoe@x.example;\"R&D; Lab\"\r\n"
                .getBytes(StandardCharsets.UTF_8);
        upload("file", csv).statusCode(200)
                .body("", hasSize(1))
                .body("[0].email", equalTo("zoe@x.example"))
                .body("[0].first_name", equalTo("Zoë"))
                .body("[0].last_name", equalTo("Łódź"))
                .body("[0].position", equalTo("R&D; Lab"));
    }

    @Test
    void acceptsAnyPartNameAndWindows1252() {
        byte[] csv = "Email\tGiven Name\tSurname\nzoe@x.example\tZoë\tMüller\n".getBytes(Charset.forName("windows-1252"));
        upload("upload", csv).statusCode(200).body("[0].first_name", equalTo("Zoë")).body("[0].last_name",
                equalTo("Müller"));
    }

    @Test
    void reportsBadRowsWithTheirLinesAndImportsNothing() {
        byte[] csv = "Email,First Name\nok@x.example,Ok\nbroken,B\n,Nobody\n".getBytes(StandardCharsets.UTF_8);
        upload("file", csv).statusCode(400)
                .body("success", equalTo(false))
                .body("message", equalTo("The CSV file has 2 bad rows; nothing was imported"))
                .body("data.errors", hasSize(2))
                .body("data.errors[0].line", equalTo(3))
                .body("data.errors[0].message", equalTo("mail: missing '@' or angle-addr"))
                .body("data.errors[1].line", equalTo(4));
    }

    @Test
    void refusesAFileWithoutAnEmailColumn() {
        upload("file", "Name\nAnn\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("message", containsString("No e-mail column"));
    }
}
