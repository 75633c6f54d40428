package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.phishdoor.PhishDoor;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/**
 * The fleet view's figures: each organization's seats, its last campaign and the click and report rates the report
 * service computes, for MSSP admins (every organization) and MSSP staff (their own organizations only).
 */
@QuarkusTest
class ConsoleFleetTest {

    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";

    @Inject
    PhishDoor door;

    @Inject
    TestMaterials materials;

    @Test
    void theFleetShowsTheLastCampaignAndItsClickAndReportRates() throws Exception {
        Tenant busy = Fixtures.tenant("Fleet Page Busy", 30);
        Tenant quiet = Fixtures.tenant("Fleet Page Quiet", 5);
        CampaignFixtures.Kit kit = CampaignFixtures.kit(materials, busy, ScriptedSmtp.shared().hostPort(),
                CampaignFixtures.targets(4));
        long first = kit.launch("http://phish.example.test/login");
        CampaignFixtures.awaitSettled(busy, first, Duration.ofSeconds(10));
        String name = "Quarterly payroll check " + Fixtures.unique();
        var body = kit.body("http://phish.example.test/login");
        body.put("name", name);
        long campaign = kit.launch(body);
        JsonPath results = CampaignFixtures.awaitSettled(busy, campaign, Duration.ofSeconds(10));
        assertThat(results.getList("results.status")).containsOnly("Email Sent");
        List<String> rids = results.getList("results.id");

        assertThat(door("/login?rid=" + rids.get(0))).as("a click").isEqualTo(200);
        assertThat(door("/report?rid=" + rids.get(1))).as("a report").isEqualTo(204);
        Waiting.until("the click and the report are recorded", Duration.ofSeconds(10), () -> {
            JsonPath now = CampaignFixtures.results(busy, campaign);
            return now.getList("results.status").contains("Clicked Link")
                    && now.getList("results.reported").contains(true);
        });

        Response fleet = ConsoleSession.admin().get("/console/fleet");
        assertThat(fleet.statusCode()).isEqualTo(200);
        String row = row(fleet.asString(), busy);
        assertThat(row).contains(name).contains(" of 30").doesNotContain("No campaigns yet");
        assertThat(cells(row)).as("click and report rates over both campaigns' 8 e-mails").containsExactly("13%", "13%");
        assertThat(row(fleet.asString(), quiet)).contains("No campaigns yet").contains("1 of 5");
    }

    @Test
    void staffSeeTheFiguresOfTheirOrganizationsOnly() {
        Tenant mine = Fixtures.tenant("Fleet Page Mine", 10);
        Tenant theirs = Fixtures.tenant("Fleet Page Theirs", 10);
        CampaignFixtures.Kit kit = CampaignFixtures.kit(materials, theirs, ScriptedSmtp.shared().hostPort(),
                CampaignFixtures.targets(1));
        CampaignFixtures.awaitSettled(theirs, kit.launch("http://phish.example.test/login"), Duration.ofSeconds(10));
        Fixtures.Account staff = Fixtures.staffAccount("fleet-page-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(mine.id(), staff.id(), "viewer");

        Response fleet = ConsoleSession.signIn("sat.example-mssp.test", staff.username(), ConsoleSession.PASSWORD)
                .get("/console/fleet");
        assertThat(fleet.statusCode()).isEqualTo(200);
        assertThat(fleet.asString()).contains(mine.host()).doesNotContain(theirs.host())
                .doesNotContain("Fleet Page Theirs");
        assertThat(row(fleet.asString(), mine)).contains("No campaigns yet");
        assertThat(ConsoleSession.admin().get("/console/fleet").asString()).contains(theirs.host());
    }

    /** The status of a GET to the phishing door as a person's browser sends it. */
    private int door(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + door.port() + pathAndQuery))
                .header("User-Agent", BROWSER).timeout(Duration.ofSeconds(10)).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The fleet table's row of {@code tenant}, found by its host. */
    private static String row(String html, Tenant tenant) {
        int at = html.indexOf(tenant.host());
        assertThat(at).as("the fleet lists " + tenant.host()).isPositive();
        return html.substring(html.lastIndexOf("<tr>", at), html.indexOf("</tr>", at));
    }

    /** The numeric cells of a row, in order. */
    private static List<String> cells(String row) {
        return java.util.regex.Pattern.compile("<td class=\"num\">([^<]*)</td>").matcher(row).results()
                .map(m -> m.group(1).trim()).toList();
    }
}
