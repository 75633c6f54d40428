package io.tidewatch.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The CSV export holds the same rows as the JSON list, and a spreadsheet opening it runs no formula. */
@QuarkusTest
class AuditCsvExportTest {

    static final List<String> HOSTILE_AGENTS = List.of("=HYPERLINK(\"http://evil.test\",\"open\")", "+SUM(1,2)",
            "-2+3", "@cmd|' /C calc'!A0");

    static Tenant tenant;

    @BeforeEach
    void tenantTouchedByHostileClients() {
        if (tenant != null) {
            return;
        }
        tenant = Fixtures.tenant("Csv Export", 50);
        for (String agent : HOSTILE_AGENTS) {
            tenant.asAdmin().header("User-Agent", agent)
                    .body(Map.of("username", "csv-" + Fixtures.unique() + "@csv.test", "password", "password123", "role",
                            "user"))
                    .post("/api/users/").then().statusCode(200);
        }
    }

    @Test
    void csvHoldsTheSameRowsAsJson() {
        Response csv = tenant.asAdmin().accept("text/csv").get("/api/audit.csv");
        List<Map<String, Object>> json = AuditTrail.entries(tenant.asAdmin(), Map.of());

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"audit-log-org-" + tenant.id()
                + ".csv\"");
        List<String> lines = Arrays.asList(csv.asString().split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("id,time,actor_id,actor_name,impersonator_id,impersonator_name,org_id,action,"
                + "target_type,target_id,outcome,client_address,user_agent,details");
        assertThat(lines.subList(1, lines.size())).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactlyElementsOf(json.stream().map(e -> String.valueOf(e.get("id"))).toList());
    }

    @Test
    void acceptTextCsvOnTheListGivesTheSameExport() {
        String viaPath = tenant.asAdmin().accept("text/csv").queryParam("action", "member.add").get("/api/audit.csv")
                .asString();
        Response viaAccept = tenant.asAdmin().accept("text/csv").queryParam("action", "member.add").get("/api/audit");

        assertThat(viaAccept.contentType()).startsWith("text/csv");
        assertThat(viaAccept.asString()).isEqualTo(viaPath);
        assertThat(tenant.asAdmin().accept("application/json, text/csv;q=0.5").get("/api/audit").contentType())
                .startsWith("application/json");
        assertThat(tenant.asAdmin().accept("*/*").get("/api/audit").contentType()).startsWith("application/json");
    }

    @Test
    void cellsThatASpreadsheetWouldEvaluateAreNeutralised() {
        String body = tenant.asAdmin().accept("text/csv").get("/api/audit.csv").asString();

        assertThat(body).contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"open\"\")\"", "\"'+SUM(1,2)\"", ",'-2+3,",
                ",'@cmd|' /C calc'!A0,");
        assertThat(body).doesNotContain(",=HYPERLINK", "\"=HYPERLINK", ",+SUM", "\"+SUM", ",-2+3", ",@cmd");
    }

    @Test
    void limitedExportNamesTheNextCursor() {
        Response csv = tenant.asAdmin().accept("text/csv").queryParam("limit", 2).get("/api/audit.csv");

        assertThat(csv.asString().split("\r\n")).hasSize(3);
        assertThat(csv.header("X-Next-Cursor")).isNotBlank();
        String rest = tenant.asAdmin().accept("text/csv").queryParam("cursor", csv.header("X-Next-Cursor"))
                .get("/api/audit.csv").asString();
        assertThat(rest.split("\r\n").length).isEqualTo(AuditTrail.entries(tenant.asAdmin(), Map.of()).size() - 2 + 1);
    }

    @Test
    void badFilterOnTheExportIsAnEnvelope() {
        tenant.asAdmin().accept("text/csv").queryParam("since", "soon").get("/api/audit.csv").then().statusCode(400)
                .contentType("application/json");
        given().get("/api/audit.csv").then().statusCode(401);
    }
}
