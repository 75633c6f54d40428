package io.tidewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The MSSP fleet view: per organization seats, last campaign and 30-day rates, for MSSP callers only. */
@QuarkusTest
class FleetReportTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReportService reports;

    @Test
    void staffSeeTheirOrganizationsWithSeatsLastCampaignAndRates() throws SQLException {
        Tenant busy = Fixtures.tenant("Fleet Busy", 40);
        Tenant quiet = Fixtures.tenant("Fleet Quiet", 7);
        Instant launch = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        ReportSeed seed = new ReportSeed(dataSource, busy.id());
        long old = seed.campaign("Long ago", Instant.parse("2025-01-10T10:00:00Z"));
        seed.result(old, "a@fleet.test", "A", "A", "Clicked Link", false, Instant.parse("2025-01-10T10:00:00Z"));
        long recent = seed.campaign("Recent", launch);
        seed.result(recent, "a@fleet.test", "A", "A", "Clicked Link", false, launch);
        seed.result(recent, "b@fleet.test", "B", "B", "Submitted Data", true, launch);
        seed.result(recent, "c@fleet.test", "C", "C", "Email Sent", false, launch);
        seed.result(recent, "d@fleet.test", "D", "D", "Email Opened", false, launch);

        Fixtures.Account staff = Fixtures.staffAccount("fleet-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(busy.id(), staff.id(), "viewer");
        Fixtures.member(quiet.id(), staff.id(), "operator");

        JsonPath fleet = Api.as(staff.apiKey()).get("/api/reports/fleet").then().statusCode(200).extract().jsonPath();
        assertThat(fleet.getList("id", Long.class)).containsExactlyInAnyOrder(busy.id(), quiet.id());
        Map<String, Object> b = fleet.getMap("find { it.id == " + busy.id() + " }");
        assertThat(b).containsEntry("name", "Fleet Busy").containsEntry("seat_cap", 40).containsEntry("seats_used", 1)
                .containsEntry("last_campaign_name", "Recent").containsEntry("campaigns", 1).containsEntry("emails_sent", 4)
                .containsEntry("click_rate", 0.5f)
                .containsEntry("report_rate", 0.25f).containsEntry("training_completion", "n/a")
                .containsEntry("available", true);
        assertThat(Instant.parse((String) b.get("last_campaign_date"))).isEqualTo(launch);
        Map<String, Object> q = fleet.getMap("find { it.id == " + quiet.id() + " }");
        assertThat(q).containsEntry("seat_cap", 7).containsEntry("campaigns", 0).containsEntry("last_campaign_name", null)
                .containsEntry("last_campaign_date", null)
                .containsEntry("click_rate", null).containsEntry("report_rate", null);

        List<FleetEntryView> direct = reports.fleet(Optional.of(List.of(busy.id())));
        assertThat(direct).singleElement().satisfies(e -> {
            assertThat(e.clickRate()).isEqualTo(0.5);
            assertThat(e.reportRate()).isEqualTo(0.25);
            assertThat(e.lastCampaignDate()).isEqualTo(launch);
        });
    }

    @Test
    void msspAdminsSeeEveryOrganizationAndClientsAreRefused() {
        Tenant one = Fixtures.tenant("Fleet One", 3);
        Tenant two = Fixtures.tenant("Fleet Two", 3);
        List<Long> ids = Api.asAdmin().get("/api/reports/fleet").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class);
        assertThat(ids).contains(one.id(), two.id());
        Api.as(one.adminKey()).get("/api/reports/fleet").then().statusCode(403);
        RestAssured.get("/api/reports/fleet").then().statusCode(401);
    }
}
