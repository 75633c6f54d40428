package io.tidewatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The executive report's figures as JSON, checked against a fixture computed by hand; who sees what. */
@QuarkusTest
class ExecutiveReportTest {

    private static final String PATH = "/api/reports/executive";

    @Inject
    AgroalDataSource dataSource;

    private Tenant tenant;

    @BeforeEach
    void seedOnce() throws SQLException {
        if (tenant == null) {
            tenant = Fixtures.tenant("Report Fixture", 50);
            ExecutiveFixture.seed(new ReportSeed(dataSource, tenant.id()), tenant.slug() + ".test");
        }
    }

    private String body(String apiKey) {
        return Api.as(apiKey).queryParam("org_id", tenant.id()).queryParam("from", ExecutiveFixture.FROM)
                .queryParam("to", ExecutiveFixture.TO).get(PATH).then().statusCode(200).extract().asString();
    }

    private JsonPath report(String apiKey) {
        return new JsonPath(body(apiKey));
    }

    @Test
    void figuresMatchTheHandComputedFixture() throws IOException {
        String body = body(tenant.adminKey());
        JsonPath json = new JsonPath(body);
        JsonNode exact = new ObjectMapper().readTree(body);
        assertThat(json.getString("organization.name")).isEqualTo("Report Fixture");
        assertThat(json.getString("period.first_day")).isEqualTo("2026-01-01");
        assertThat(json.getString("period.last_day")).isEqualTo("2026-01-31");
        assertThat(json.getString("previous_period.first_day")).isEqualTo("2025-12-01");
        assertThat(json.getString("previous_period.last_day")).isEqualTo("2025-12-31");

        Map<String, Object> s = json.getMap("summary");
        assertThat(s).containsEntry("campaigns", 2).containsEntry("recipients", 8).containsEntry("emails_sent", 7)
                .containsEntry("opened", 5).containsEntry("clicked", 3).containsEntry("submitted", 1)
                .containsEntry("reported", 2).containsEntry("bot_flagged_clicks", 1);
        assertThat(exact.at("/summary/open_rate").doubleValue()).isCloseTo(5.0 / 7, within(1e-15));
        assertThat(exact.at("/summary/click_rate").doubleValue()).isCloseTo(3.0 / 7, within(1e-15));
        assertThat(exact.at("/summary/submit_rate").doubleValue()).isCloseTo(1.0 / 7, within(1e-15));
        assertThat(exact.at("/summary/report_rate").doubleValue()).isCloseTo(2.0 / 7, within(1e-15));
        assertThat(exact.at("/summary/median_seconds_to_click").doubleValue()).isEqualTo(1200.0);
        assertThat(exact.at("/summary/median_seconds_to_report").doubleValue()).isEqualTo(2250.0);

        assertThat(json.getMap("previous")).containsEntry("campaigns", 1).containsEntry("emails_sent", 2)
                .containsEntry("clicked", 1).containsEntry("reported", 0);
        assertThat(exact.at("/previous/click_rate").doubleValue()).isEqualTo(0.5);
        assertThat(exact.at("/previous/median_seconds_to_click").doubleValue()).isEqualTo(300.0);
        assertThat(json.getString("previous.median_seconds_to_report")).isNull();

        assertThat(json.getInt("trend.campaigns")).isEqualTo(1);
        assertThat(json.getInt("trend.emails_sent")).isEqualTo(5);
        assertThat(exact.at("/trend/click_rate").doubleValue()).isCloseTo(3.0 / 7 - 0.5, within(1e-15));
        assertThat(exact.at("/trend/report_rate").doubleValue()).isCloseTo(2.0 / 7, within(1e-15));
        assertThat(exact.at("/trend/median_seconds_to_click").doubleValue()).isEqualTo(900.0);
        assertThat(json.getString("trend.median_seconds_to_report")).isNull();

        assertThat(json.getList("campaigns.name")).containsExactly("Payroll update", "Parcel notice");
        assertThat(json.getList("campaigns.emails_sent", Integer.class)).containsExactly(4, 3);
        assertThat(json.getList("campaigns.clicked", Integer.class)).containsExactly(2, 1);
        assertThat(exact.at("/campaigns/0/click_rate").doubleValue()).isEqualTo(0.5);
        assertThat(exact.at("/campaigns/1/report_rate").doubleValue()).isCloseTo(1.0 / 3, within(1e-15));

        assertThat(json.getInt("repeat_clickers.count")).isEqualTo(1);
        assertThat(json.getBoolean("repeat_clickers.names_visible")).isTrue();
        assertThat(json.getList("repeat_clickers.people.first_name")).containsExactly(ExecutiveFixture.ZOE_FIRST);
        assertThat(json.getList("repeat_clickers.people.last_name")).containsExactly(ExecutiveFixture.ZOE_LAST);
        assertThat(json.getList("repeat_clickers.people.campaigns", Integer.class)).containsExactly(2);

        assertThat(json.getBoolean("training.available")).isFalse();
        assertThat(json.getString("training.message")).startsWith("No training yet");
        assertThat(json.getString("training.completion_rate")).isNull();
    }

    @Test
    void perGroupFiguresCountResultsWhoseAddressBelongsToTheGroup() throws SQLException {
        ReportSeed seed = new ReportSeed(dataSource, tenant.id());
        if (!seed.hasGroups()) {
            // Without the phishing resources' tables there are no groups to report on, and the report says so.
            assertThat(report(tenant.adminKey()).getBoolean("groups.available")).isFalse();
            return;
        }
        String domain = tenant.slug() + ".test";
        String finance = "Finance " + Fixtures.unique();
        String ops = "Ops " + Fixtures.unique();
        seed.group(finance, "Zoe@" + domain, "bob@" + domain);
        seed.group(ops, "carol@" + domain, "dave@" + domain, "frank@" + domain);
        JsonPath json = report(tenant.adminKey());
        assertThat(json.getBoolean("groups.available")).isTrue();
        Map<String, Object> f = json.getMap("groups.rows.find { it.name == '" + finance + "' }");
        assertThat(f).containsEntry("results", 4).containsEntry("emails_sent", 4).containsEntry("clicked", 3)
                .containsEntry("submitted", 1).containsEntry("reported", 1).containsEntry("click_rate", 0.75f);
        Map<String, Object> o = json.getMap("groups.rows.find { it.name == '" + ops + "' }");
        assertThat(o).containsEntry("results", 3).containsEntry("emails_sent", 3).containsEntry("clicked", 0)
                .containsEntry("reported", 1);
    }

    @Test
    void viewersSeeRepeatClickersAsACountWithoutNames() {
        Fixtures.Account viewer = Fixtures.clientAccount("viewer-" + Fixtures.unique() + "@" + tenant.slug() + ".test");
        Fixtures.member(tenant.id(), viewer.id(), "viewer");
        JsonPath json = report(viewer.apiKey());
        assertThat(json.getInt("repeat_clickers.count")).isEqualTo(1);
        assertThat(json.getBoolean("repeat_clickers.names_visible")).isFalse();
        assertThat(json.getList("repeat_clickers.people")).isEmpty();
        assertThat(json.prettify()).doesNotContain("zoe@").doesNotContain(ExecutiveFixture.ZOE_LAST);

        String html = Api.as(viewer.apiKey()).accept("text/html").queryParam("org_id", tenant.id())
                .queryParam("from", ExecutiveFixture.FROM).queryParam("to", ExecutiveFixture.TO).get(PATH).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("clicked in two or more campaigns").doesNotContain(ExecutiveFixture.ZOE_LAST);
    }

    @Test
    void operatorsAndMsspStaffSeeNames() {
        Fixtures.Account operator = Fixtures.clientAccount("op-" + Fixtures.unique() + "@" + tenant.slug() + ".test");
        Fixtures.member(tenant.id(), operator.id(), "operator");
        Fixtures.Account staff = Fixtures.staffAccount("staff-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(tenant.id(), staff.id(), "viewer");
        assertThat(report(operator.apiKey()).getList("repeat_clickers.people.first_name")).hasSize(1);
        assertThat(report(staff.apiKey()).getList("repeat_clickers.people.first_name")).hasSize(1);
        assertThat(report(Api.ADMIN_KEY).getBoolean("repeat_clickers.names_visible")).isTrue();
    }

    @Test
    void aTenantWithoutCampaignsGetsAReportThatSaysSo() {
        Tenant empty = Fixtures.tenant("Quiet Co", 5);
        JsonPath json = Api.as(empty.adminKey()).queryParam("org_id", empty.id()).get(PATH).then().statusCode(200)
                .extract().jsonPath();
        assertThat(json.getInt("summary.campaigns")).isZero();
        assertThat(json.getInt("summary.emails_sent")).isZero();
        assertThat(json.getString("summary.click_rate")).isNull();
        assertThat(json.getList("campaigns")).isEmpty();
        assertThat(json.getInt("repeat_clickers.count")).isZero();
        String html = Api.as(empty.adminKey()).accept("text/html").queryParam("org_id", empty.id()).get(PATH).then()
                .statusCode(200).extract().asString();
        assertThat(html).contains("No campaigns were launched in this period").contains("No training yet");
    }

    @Test
    void theDefaultPeriodIsTheLastThirtyDays() {
        JsonPath json = Api.as(tenant.adminKey()).queryParam("org_id", tenant.id()).get(PATH).then().statusCode(200)
                .extract().jsonPath();
        java.time.Instant from = java.time.Instant.parse(json.getString("period.from"));
        java.time.Instant to = java.time.Instant.parse(json.getString("period.to"));
        assertThat(java.time.Duration.between(from, to)).isEqualTo(java.time.Duration.ofDays(30));
        assertThat(to).isBetween(java.time.Instant.now().minusSeconds(120), java.time.Instant.now().plusSeconds(5));
        assertThat(json.getInt("summary.campaigns")).isZero();
    }

    @Test
    void acceptsRfc3339TimesAndRefusesBadDatesNamingTheParameter() {
        Api.as(tenant.adminKey()).queryParam("org_id", tenant.id()).queryParam("from", "2026-01-01T00:00:00Z")
                .queryParam("to", "2026-02-01T00:00:00+00:00").get(PATH).then().statusCode(200);
        for (List<String> bad : List.of(List.of("from", "yesterday"), List.of("to", "2026-13-01"),
                List.of("from", "2026-01-01T25:00:00Z"))) {
            String message = Api.as(tenant.adminKey()).queryParam("org_id", tenant.id()).queryParam(bad.get(0), bad.get(1))
                    .get(PATH).then().statusCode(400).extract().jsonPath().getString("message");
            assertThat(message).startsWith(bad.get(0) + ":");
        }
        Api.as(tenant.adminKey()).queryParam("org_id", tenant.id()).queryParam("from", "2026-02-01")
                .queryParam("to", "2026-01-01").get(PATH).then().statusCode(400);
    }

    @Test
    void anotherTenantsOrganizationIsForbidden() {
        Tenant other = Fixtures.contoso();
        Api.as(other.adminKey()).queryParam("org_id", tenant.id()).get(PATH).then().statusCode(403);
        Api.as(other.adminKey()).accept("application/pdf").queryParam("org_id", tenant.id()).get(PATH).then()
                .statusCode(403);
        Api.as(other.adminKey()).header("X-Org-Id", other.id()).queryParam("org_id", tenant.id()).get(PATH).then()
                .statusCode(403);
        Api.as(tenant.adminKey()).header("X-Org-Id", tenant.id()).queryParam("org_id", other.id()).get(PATH).then()
                .statusCode(403);
    }

    @Test
    void generationIsAudited() throws SQLException {
        Api.as(tenant.adminKey()).accept("text/html").queryParam("org_id", tenant.id())
                .queryParam("from", ExecutiveFixture.FROM).queryParam("to", ExecutiveFixture.TO).get(PATH).then()
                .statusCode(200);
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("SELECT details FROM tenant_" + tenant.id()
                        + ".audit_entry WHERE action = 'report.executive' ORDER BY id DESC")) {
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("format=html, period=2026-01-01..2026-01-31");
            }
        }
    }
}
