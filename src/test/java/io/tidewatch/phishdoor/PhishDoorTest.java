package io.tidewatch.phishdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.tenancy.TenantSchemas;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.DoorClient;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/** The phishing door: its routes, what it records (and never records), bots, and tenant isolation by rid. */
@QuarkusTest
class PhishDoorTest {

    @Inject
    PhishDoor door;

    @Inject
    TestMaterials materials;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    private DoorClient client;
    private Tenant tenant;

    @BeforeEach
    void setUp() {
        client = new DoorClient(door.port());
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
    }

    @Test
    void servesRobotsAndNothingOfTheAdminApi() {
        HttpResponse<String> robots = client.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body()).isEqualTo("User-agent: *\nDisallow: /\n");
        for (String path : List.of("/", "/track", "/report", "/api/campaigns/", "/q/health", "/q/metrics",
                "/login?rid=", "/track?rid=AAAAAAA")) {
            HttpResponse<String> response = client.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo("404 page not found\n");
        }
    }

    @Test
    void tracksTheFunnelAndNeverStoresAPassword() throws Exception {
        Recipient r = launch(1);
        HttpResponse<String> pixel = client.get("/login/track?rid=" + r.rid());
        assertThat(pixel.statusCode()).isEqualTo(200);
        assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
        HttpResponse<String> page = client.get("/login?rid=" + r.rid());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Hello First1").contains("<input type=\"hidden\" name=\"rid\" value=\"" + r.rid());
        HttpResponse<String> submitted = client.send("POST", "/login", "rid=" + r.rid() + "&username=alice&password=s3cret",
                DoorClient.BROWSER);
        assertThat(submitted.statusCode()).isEqualTo(200);
        HttpResponse<String> report = client.get("/report?rid=" + r.rid());
        assertThat(report.statusCode()).isEqualTo(204);
        assertThat(report.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonPath results = awaitTimeline(r.campaignId(), 5);
        assertThat(results.getString("results[0].status")).isEqualTo("Submitted Data");
        assertThat(results.getBoolean("results[0].reported")).isTrue();
        assertThat(results.getString("results[0].ip")).isEqualTo("127.0.0.1");
        assertThat(results.getList("timeline.message")).containsExactly("Campaign Created", "Email Sent", "Email Opened",
                "Clicked Link", "Submitted Data", "Email Reported");
        JsonNode details = json.readTree(results.getString("timeline[4].details"));
        assertThat(details.at("/payload/username/0").asText()).isEqualTo("alice");
        assertThat(details.at("/payload/password/0").asText()).isEqualTo("[redacted: 6 characters]");
        assertThat(details.at("/browser/address").asText()).isEqualTo("127.0.0.1");
        assertThat(details.at("/browser/user-agent").asText()).isEqualTo(DoorClient.BROWSER);
        assertThat(tenant.asAdmin().get("/api/campaigns/" + r.campaignId()).asString()).doesNotContain("s3cret");
        assertThat(storedDetails(r.campaignId())).noneMatch(d -> d.contains("s3cret"));
        tenant.asAdmin().get("/api/campaigns/" + r.campaignId() + "/summary").then().statusCode(200)
                .body("stats.sent", org.hamcrest.Matchers.equalTo(1)).body("stats.opened", org.hamcrest.Matchers.equalTo(1))
                .body("stats.clicked", org.hamcrest.Matchers.equalTo(1))
                .body("stats.submitted_data", org.hamcrest.Matchers.equalTo(1))
                .body("stats.email_reported", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void recordsRepeatedOpensOnceAndStatusOnlyMovesForward() {
        Recipient r = launch(1);
        client.get("/?rid=" + r.rid());
        client.get("/track?rid=" + r.rid());
        client.get("/track?rid=" + r.rid());
        JsonPath results = awaitTimeline(r.campaignId(), 4);
        assertThat(results.getList("timeline.message")).containsExactly("Campaign Created", "Email Sent", "Clicked Link",
                "Email Opened");
        assertThat(results.getString("results[0].status")).isEqualTo("Clicked Link");
    }

    @Test
    void aScannersFetchOfThePixelDoesNotHideThePersonsOpen() {
        Recipient r = launch(1);
        client.send("GET", "/track?rid=" + r.rid(), null, "Mozilla/5.0 (compatible; Barracuda Sentinel)");
        client.send("GET", "/track?rid=" + r.rid(), null, "Mozilla/5.0 (compatible; Barracuda Sentinel)");
        client.get("/track?rid=" + r.rid());
        JsonPath results = awaitTimeline(r.campaignId(), 4);
        assertThat(results.getList("timeline.message")).containsExactly("Campaign Created", "Email Sent", "Email Opened",
                "Email Opened");
        assertThat(results.getString("timeline[2].details")).contains("flagged_as_bot");
        assertThat(results.getString("timeline[3].details")).doesNotContain("flagged_as_bot");
        assertThat(results.getString("results[0].status")).isEqualTo("Email Opened");
    }

    @Test
    void flagsScannersAndPreviewBotsWithoutMovingTheStatus() throws Exception {
        Recipient r = launch(1);
        assertThat(client.send("HEAD", "/login?rid=" + r.rid(), null, DoorClient.BROWSER).statusCode()).isEqualTo(200);
        client.send("GET", "/login?rid=" + r.rid(), null, "python-requests/2.31.0");
        client.send("GET", "/login?rid=" + r.rid(), null, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)");
        JsonPath results = awaitTimeline(r.campaignId(), 5);
        assertThat(results.getString("results[0].status")).isEqualTo("Email Sent");
        List<String> reasons = List.of("HEAD request", "user agent of a scanner, preview bot or HTTP library (python-requests)",
                "user agent of a scanner, preview bot or HTTP library (bot)");
        for (int i = 0; i < 3; i++) {
            assertThat(results.getString("timeline[" + (2 + i) + "].message")).isEqualTo("Clicked Link");
            assertThat(json.readTree(results.getString("timeline[" + (2 + i) + "].details")).path("flagged_as_bot")
                    .asText()).isEqualTo(reasons.get(i));
        }
        tenant.asAdmin().get("/api/campaigns/" + r.campaignId() + "/summary").then()
                .body("stats.clicked", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void takesAFormSubmittedByGetForASubmission() {
        Recipient r = launch(1);
        HttpResponse<String> response = client.get("/login?rid=" + r.rid() + "&username=bob&password=hunter2");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath results = awaitTimeline(r.campaignId(), 3);
        assertThat(results.getString("timeline[2].message")).isEqualTo("Submitted Data");
        assertThat(results.getString("timeline[2].details")).doesNotContain("hunter2");
        assertThat(results.getString("results[0].status")).isEqualTo("Submitted Data");
    }

    @Test
    void keepsSubmittedValuesWithTabsNewlinesBackslashesAndQuotesIntact() throws Exception {
        Recipient r = launch(1);
        String awkward = "a\tb\nc\\d\r\"e\" \u00e9\u4e2d {\"x\":1} \\N";
        client.send("POST", "/login", "rid=" + r.rid() + "&username="
                + java.net.URLEncoder.encode(awkward, java.nio.charset.StandardCharsets.UTF_8), DoorClient.BROWSER);
        JsonPath results = awaitTimeline(r.campaignId(), 3);
        assertThat(results.getString("timeline[2].message")).isEqualTo("Submitted Data");
        assertThat(json.readTree(results.getString("timeline[2].details")).at("/payload/username/0").asText())
                .isEqualTo(awkward);
    }

    @Test
    void fieldsNamedLikeAPinAreRedactedButWordsMerelyContainingPinAreNot() throws Exception {
        Recipient r = launch(1);
        client.send("POST", "/login", "rid=" + r.rid() + "&user_pin=1234&pinCode=5678&shipping=express&spinner=7",
                DoorClient.BROWSER);
        JsonPath results = awaitTimeline(r.campaignId(), 3);
        JsonNode payload = json.readTree(results.getString("timeline[2].details")).path("payload");
        assertThat(payload.path("user_pin").path(0).asText()).isEqualTo("[redacted: 4 characters]");
        assertThat(payload.path("pinCode").path(0).asText()).isEqualTo("[redacted: 4 characters]");
        assertThat(payload.path("shipping").path(0).asText()).isEqualTo("express");
        assertThat(payload.path("spinner").path(0).asText()).isEqualTo("7");
    }

    @Test
    void fieldNamesThatDifferOnlyInCaseStayApart() throws Exception {
        Recipient r = launch(1);
        client.send("POST", "/login", "rid=" + r.rid() + "&Username=Ann&username=ann&Username=ANN", DoorClient.BROWSER);
        JsonPath results = awaitTimeline(r.campaignId(), 3);
        JsonNode payload = json.readTree(results.getString("timeline[2].details")).path("payload");
        assertThat(payload.path("Username").toString()).isEqualTo("[\"Ann\",\"ANN\"]");
        assertThat(payload.path("username").toString()).isEqualTo("[\"ann\"]");
    }

    @Test
    void theRidParameterIsNamedInLowerCaseOnly() {
        Recipient r = launch(1);
        assertThat(client.get("/track?RID=" + r.rid()).statusCode()).isEqualTo(404);
        assertThat(client.send("POST", "/login", "Rid=" + r.rid() + "&username=ann", DoorClient.BROWSER).statusCode())
                .isEqualTo(404);
        client.get("/track?RID=x&rid=" + r.rid());
        JsonPath results = awaitTimeline(r.campaignId(), 3);
        assertThat(results.getList("timeline.message")).containsExactly("Campaign Created", "Email Sent", "Email Opened");
    }

    @Test
    void aPreflightOrAnUnreadableFormRecordsNothing() {
        Recipient r = launch(1);
        HttpResponse<String> preflight = client.send("OPTIONS", "/report?rid=" + r.rid(), null, DoorClient.BROWSER);
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(client.send("POST", "/login", "rid=" + r.rid() + "&username=x%ZZy", DoorClient.BROWSER).statusCode())
                .isIn(400, 404);
        assertThat(client.send("POST", "/login", "rid=" + r.rid() + "&big=" + "x".repeat(70_000), DoorClient.BROWSER)
                .statusCode()).isEqualTo(413);
        client.get("/track?rid=" + r.rid());
        JsonPath results = awaitTimeline(r.campaignId(), 3);
        assertThat(results.getList("timeline.message")).containsExactly("Campaign Created", "Email Sent", "Email Opened");
        assertThat(results.getBoolean("results[0].reported")).isFalse();
    }

    @Test
    void redirectsAfterASubmissionWhenThePageAsks() {
        Kit base = CampaignFixtures.kit(materials, tenant, ScriptedSmtp.shared().hostPort(), CampaignFixtures.targets(1));
        var page = materials.page(tenant.id(), "Redirecting " + Fixtures.unique(), CampaignFixtures.LOGIN_PAGE, true,
                false, "https://example.test/done?r={{.RId}}");
        Kit kit = new Kit(tenant, base.template(), page, base.profile(), base.group());
        long id = kit.launch("http://phish.example.test/login");
        String rid = CampaignFixtures.results(tenant, id).getString("results[0].id");
        HttpResponse<String> response = client.send("POST", "/login?rid=" + rid, "username=a&password=b",
                DoorClient.BROWSER);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("https://example.test/done?r=" + rid);
        Waiting.until("the submission is recorded", Duration.ofSeconds(10),
                () -> CampaignFixtures.results(tenant, id).getList("timeline.message").contains("Submitted Data"));
        JsonPath results = CampaignFixtures.results(tenant, id);
        int submitted = results.getList("timeline.message").indexOf("Submitted Data");
        String details = results.getString("timeline[" + submitted + "].details");
        assertThat(details).contains("\"username\":[\"a\"]").doesNotContain("password");
    }

    @Test
    void answersTheTransparencyRequest() throws Exception {
        Recipient r = launch(1);
        HttpResponse<String> response = client.get("/?rid=" + r.rid() + "%2B");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("server").asText()).isEqualTo("tidewatch");
        assertThat(body.has("contact_address")).isTrue();
        assertThat(body.path("send_date").asText()).endsWith("Z");
        assertThat(client.get("/track?rid=" + r.rid() + "+").statusCode()).isEqualTo(200);
    }

    @Test
    void believesForwardedForOnlyFromATrustedProxy() {
        Recipient viaProxy = launch(1);
        String proxied = client.getVia(Browser.PROXY_ADDRESS, "198.51.100.7", "/track?rid=" + viaProxy.rid());
        assertThat(proxied).contains(" 200 ");
        JsonPath results = awaitTimeline(viaProxy.campaignId(), 3);
        assertThat(results.getString("results[0].ip")).isEqualTo("198.51.100.7");

        Recipient direct = launch(1);
        String spoofed = client.getVia("127.0.0.1", "198.51.100.8", "/track?rid=" + direct.rid());
        assertThat(spoofed).contains(" 200 ");
        JsonPath untouched = awaitTimeline(direct.campaignId(), 3);
        assertThat(untouched.getString("results[0].ip")).isEqualTo("127.0.0.1");
    }

    @Test
    void completedCampaignsAnswer404AndRecordNothing() {
        Recipient r = launch(1);
        tenant.asAdmin().get("/api/campaigns/" + r.campaignId() + "/complete").then().statusCode(200);
        assertThat(client.get("/track?rid=" + r.rid()).statusCode()).isEqualTo(404);
        assertThat(client.get("/login?rid=" + r.rid()).statusCode()).isEqualTo(404);
        assertThat(CampaignFixtures.results(tenant, r.campaignId()).getList("timeline.message")).doesNotContain(
                "Email Opened", "Clicked Link");
    }

    @Test
    void aDeletedOrganizationsRidsAnswer404AtOnceEvenWhenCached() {
        Tenant doomed = Fixtures.tenant("Doomed", 10);
        long campaign = CampaignFixtures.kit(materials, doomed, ScriptedSmtp.shared().hostPort(),
                CampaignFixtures.targets(1)).launch("http://phish.example.test/login");
        String rid = CampaignFixtures.awaitSettled(doomed, campaign, Duration.ofSeconds(10)).getString("results[0].id");
        assertThat(client.get("/track?rid=" + rid).statusCode()).isEqualTo(200);
        assertThat(client.get("/login?rid=" + rid).statusCode()).isEqualTo(200);

        Api.asAdmin().delete("/api/organizations/" + doomed.id()).then().statusCode(200);

        assertThat(client.get("/track?rid=" + rid).statusCode()).isEqualTo(404);
        assertThat(client.get("/login?rid=" + rid).statusCode()).isEqualTo(404);
        assertThat(client.get("/report?rid=" + rid).statusCode()).isEqualTo(404);
    }

    @Test
    void aRidOfOneTenantNeverRecordsIntoAnother() {
        Recipient mine = launch(1);
        Tenant other = Fixtures.contoso();
        long theirs = CampaignFixtures.kit(materials, other, ScriptedSmtp.shared().hostPort(), CampaignFixtures.targets(1))
                .launch("http://phish.example.test/");
        String before = CampaignFixtures.results(other, theirs).getString("results[0].status");
        client.get("/?rid=" + mine.rid());
        awaitTimeline(mine.campaignId(), 3);
        assertThat(CampaignFixtures.results(other, theirs).getList("timeline.message")).doesNotContain("Clicked Link");
        assertThat(CampaignFixtures.results(other, theirs).getString("results[0].status")).isIn(before, "Email Sent");
    }

    /** A launched one-recipient campaign's id and rid, after its e-mail left. */
    private record Recipient(long campaignId, String rid) {
    }

    private Recipient launch(int targets) {
        Kit kit = CampaignFixtures.kit(materials, tenant, ScriptedSmtp.shared().hostPort(),
                CampaignFixtures.targets(targets));
        long id = kit.launch("http://phish.example.test/login");
        JsonPath results = CampaignFixtures.awaitSettled(tenant, id, Duration.ofSeconds(10));
        return new Recipient(id, results.getString("results[0].id"));
    }

    private JsonPath awaitTimeline(long campaignId, int events) {
        Waiting.until("campaign " + campaignId + " has " + events + " events", Duration.ofSeconds(10),
                () -> CampaignFixtures.results(tenant, campaignId).getList("timeline").size() >= events);
        return CampaignFixtures.results(tenant, campaignId);
    }

    private List<String> storedDetails(long campaignId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT details FROM " + TenantSchemas.of(tenant.id())
                        + ".campaign_event WHERE campaign_id = ?")) {
            select.setLong(1, campaignId);
            List<String> details = new java.util.ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
            return details;
        }
    }
}
