package io.tidewatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.CrossTenant;
import io.tidewatch.testing.CrossTenant.Probe;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** Campaign results as CSV: both addresses, formula injection neutralised, the JSON left as it was, and isolation. */
@QuarkusTest
class CampaignResultsCsvTest {

    @Inject
    AgroalDataSource dataSource;

    private Tenant tenant;
    private long campaignId;

    @BeforeEach
    void seedOnce() throws SQLException {
        if (tenant == null) {
            tenant = Fixtures.tenant("Csv Owner", 20);
            ReportSeed seed = new ReportSeed(dataSource, tenant.id());
            Instant launch = Instant.parse("2026-03-02T08:00:00Z");
            campaignId = seed.campaign("Invoice lure", launch);
            seed.result(campaignId, "=evil@csv.test", "=HYPERLINK(\"http://x.test\")", "+SUM(A1)", "Clicked Link",
                    true, launch);
            seed.result(campaignId, "zoe@csv.test", "Zoë, \"Z\"", "Łódź", "Email Sent", false, launch);
            seed.result(campaignId, "@at@csv.test", "-10+20", "\tTab", "Email Opened", false, launch);
        }
    }

    @Test
    void theFileFormStreamsEveryResultWithFormulasNeutralised() {
        Response response = Api.as(tenant.adminKey(), tenant.id()).get("/api/campaigns/" + campaignId + "/results.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("campaign-" + campaignId + "-results.csv");
        List<String> lines = List.of(response.asString().split("\r\n"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("id,email,first_name,last_name,position,status,reported,ip,latitude,longitude,"
                + "send_date,modified_date");
        assertThat(lines.get(1)).contains(",'=evil@csv.test,\"'=HYPERLINK(\"\"http://x.test\"\")\",'+SUM(A1),,"
                + "Clicked Link,true,,0.0,0.0,2026-03-02T08:00:00Z,");
        assertThat(lines.get(2)).contains(",zoe@csv.test,\"Zoë, \"\"Z\"\"\",Łódź,,Email Sent,false,");
        assertThat(lines.get(3)).contains(",'@at@csv.test,'-10+20,'\tTab,,Email Opened,");
    }

    @Test
    void eachRowCarriesTheResultIdTheJsonResultsGive() {
        List<String> jsonIds = Api.as(tenant.adminKey(), tenant.id()).get("/api/campaigns/" + campaignId + "/results")
                .then().statusCode(200).extract().jsonPath().getList("results.id", String.class);
        String file = Api.as(tenant.adminKey(), tenant.id()).get("/api/campaigns/" + campaignId + "/results.csv")
                .asString();

        List<String> csvIds = file.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();

        assertThat(jsonIds).hasSize(3).doesNotContainNull();
        assertThat(csvIds).containsExactlyInAnyOrderElementsOf(jsonIds);
    }

    @Test
    void theResultsPathAnswersCsvWhenAskedAndJsonOtherwise() {
        String file = Api.as(tenant.adminKey(), tenant.id()).get("/api/campaigns/" + campaignId + "/results.csv").asString();
        Response csv = Api.as(tenant.adminKey(), tenant.id()).accept("text/csv")
                .get("/api/campaigns/" + campaignId + "/results");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).isEqualTo(file);

        Api.as(tenant.adminKey(), tenant.id()).get("/api/campaigns/" + campaignId + "/results").then().statusCode(200)
                .contentType("application/json");
        Api.as(tenant.adminKey(), tenant.id()).accept("*/*").get("/api/campaigns/" + campaignId + "/results").then()
                .statusCode(200).contentType("application/json");
    }

    @Test
    void viewersMayExport() {
        Fixtures.Account viewer = Fixtures.clientAccount("csv-viewer-" + Fixtures.unique() + "@csv.test");
        Fixtures.member(tenant.id(), viewer.id(), "viewer");
        Api.as(viewer.apiKey(), tenant.id()).get("/api/campaigns/" + campaignId + "/results.csv").then().statusCode(200);
    }

    @Test
    void anotherTenantsCampaignAnswersLikeAMissingOne() {
        Tenant attacker = Fixtures.contoso();
        CrossTenant.assertIsolated(attacker, tenant, campaignId,
                Probe.of("GET", "/api/campaigns/{id}/results.csv", null, tenant, campaignId));
        Response crossed = Api.as(attacker.adminKey(), attacker.id()).accept("text/csv")
                .get("/api/campaigns/" + campaignId + "/results");
        Response missing = Api.as(attacker.adminKey(), attacker.id()).accept("text/csv")
                .get("/api/campaigns/" + CrossTenant.MISSING_ID + "/results");
        assertThat(crossed.statusCode()).isEqualTo(404);
        assertThat(crossed.asString()).isEqualTo(missing.asString());
        Api.as(tenant.adminKey(), tenant.id()).get("/api/campaigns/not-a-number/results.csv").then().statusCode(404);
    }
}
