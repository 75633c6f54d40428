package io.tidewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignFixtures.Kit;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.ScriptedSmtp;
import io.tidewatch.testing.Tenant;

/** {@code /api/campaigns}: Gophish's shapes, validation order and messages, and Tidewatch's additions. */
@QuarkusTest
class CampaignApiTest {

    private static final String URL = "http://phish.example.test/login";

    @Inject
    TestMaterials materials;

    private Tenant tenant;
    private Kit kit;

    @BeforeEach
    void setUp() {
        if (tenant == null) {
            tenant = Fixtures.northwind();
        }
        kit = CampaignFixtures.kit(materials, tenant, ScriptedSmtp.shared().hostPort(), CampaignFixtures.targets(3));
    }

    @Test
    void refusesDatesBeyondTheYearsRfc3339CanWrite() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body(URL));
        body.put("launch_date", "+999999999-12-31T23:59:59Z");
        expect400(body, "launch_date: must be a date between the years 1 and 9999");
        body.put("launch_date", "10000-01-01T00:00:00Z");
        expect400(body, "launch_date: must be an RFC 3339 date with a zone offset");
        body.put("launch_date", "9999-12-31T23:59:59-01:00");
        expect400(body, "launch_date: must be a date between the years 1 and 9999");
        body.put("launch_date", "-0001-01-01T00:00:00Z");
        expect400(body, "launch_date: must be a date between the years 1 and 9999");
        body.remove("launch_date");
        body.put("send_by_date", "+999999999-12-31T23:59:59Z");
        expect400(body, "send_by_date: must be a date between the years 1 and 9999");
        body.put("send_by_date", "");
        expect400(body, "send_by_date: must be an RFC 3339 date with a zone offset");
        body.remove("send_by_date");
        body.put("launch_date", " ");
        expect400(body, "launch_date: must be an RFC 3339 date with a zone offset");
    }

    @Test
    void rejectsCampaignsInGophishOrder() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body(URL));
        body.put("launch_date", "2026-01-01 10:00");
        expect400(body, "launch_date: must be an RFC 3339 date with a zone offset");
        body.remove("launch_date");
        body.put("name", " ");
        expect400(body, "Campaign name not specified");
        body.put("name", "x");
        body.put("groups", List.of());
        expect400(body, "No groups specified");
        body.put("groups", List.of(Map.of("name", kit.group().name())));
        body.put("template", Map.of("id", 0));
        expect400(body, "No email template specified");
        body.put("template", Map.of("name", kit.template().name()));
        body.remove("page");
        expect400(body, "No landing page specified");
        body.put("page", Map.of("name", kit.page().name()));
        body.put("smtp", Map.of());
        expect400(body, "No sending profile specified");
        body.put("smtp", Map.of("name", kit.profile().name()));
        body.put("launch_date", "2030-01-01T10:00:00Z");
        body.put("send_by_date", "2030-01-01T09:00:00Z");
        expect400(body, "The launch date must be before the \"send emails by\" date");
    }

    @Test
    void refusesACampaignUrlThatIsNotATemplateOfTheRecipientsFields() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body("http://phish.example.test/{{.Nope}}"));
        expect400(body, "unknown variable {{.Nope}} (url, line 1)");
        body.put("url", "http://phish.example.test/?u={{.URL}}");
        expect400(body, "unknown variable {{.URL}} (url, line 1)");
        body.put("url", "http://phish.example.test/{{.FirstName");
        expect400(body, "unclosed action: {{ without }} (url, line 1)");
        body.put("url", "http://phish.example.test/{{printf \"%d\" .Email}}");
        expect400(body, "printf %d needs an integer, got a string in {{printf \"%d\" .Email}} (url, line 1)");
        assertThat(tenant.asAdmin().get("/api/campaigns/summary").jsonPath().getList("campaigns.name"))
                .doesNotContain(body.get("name"));
    }

    @Test
    void answersGophishMessagesForUnknownReferences() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body(URL));
        body.put("groups", List.of(Map.of("name", "no such group")));
        expect400(body, "Group not found");
        body.put("groups", List.of(Map.of("name", kit.group().name())));
        body.put("template", Map.of("name", "nope"));
        expect400(body, "Template not found");
        body.put("template", Map.of("name", kit.template().name()));
        body.put("page", Map.of("name", "nope"));
        expect400(body, "Page not found");
        body.put("page", Map.of("name", kit.page().name()));
        body.put("smtp", Map.of("name", "nope"));
        expect400(body, "Sending profile not found");
        assertThat(tenant.asAdmin().get("/api/campaigns/summary").jsonPath().getList("campaigns"))
                .noneMatch(c -> "x".equals(((Map<?, ?>) c).get("name")));
    }

    @Test
    void createsByNameAndAnswersTheCampaignWithGroupsAndResults() {
        Map<String, Object> body = kit.body(URL);
        JsonPath created = tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(201)
                .body("name", equalTo(body.get("name"))).body("status", equalTo("In progress"))
                .body("template.name", equalTo(kit.template().name())).body("page.name", equalTo(kit.page().name()))
                .body("smtp.name", equalTo(kit.profile().name())).body("url", equalTo(URL))
                .body("results", hasSize(3)).body("groups", hasSize(1)).body("groups[0].targets", hasSize(3))
                .body("completed_date", equalTo("0001-01-01T00:00:00Z"))
                .body("send_by_date", equalTo("0001-01-01T00:00:00Z")).extract().jsonPath();
        assertThat(created.getMap("$")).doesNotContainKey("timeline");
        assertThat(created.getMap("$").keySet()).containsExactly("id", "name", "created_date", "launch_date",
                "send_by_date", "completed_date", "template", "page", "status", "results", "groups", "smtp", "url");
        List<String> rids = created.getList("results.id");
        assertThat(rids).hasSize(3).allMatch(r -> r.matches("[A-Za-z0-9]{7}")).doesNotHaveDuplicates();
        assertThat(created.getList("results.status")).allMatch(s -> s.equals("Sending") || s.equals("Email Sent"));
        JsonPath read = tenant.asAdmin().get("/api/campaigns/" + created.getLong("id")).then().statusCode(200).extract()
                .jsonPath();
        assertThat(read.getMap("$")).doesNotContainKey("groups").containsKey("timeline");
        assertThat(read.getString("timeline[0].message")).isEqualTo("Campaign Created");
        assertThat(read.getString("timeline[0].email")).isEmpty();
        assertThat(read.getString("timeline[0].details")).isEmpty();
    }

    @Test
    void createsByIdWhenNoNameIsGiven() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body(URL));
        body.put("template", Map.of("id", kit.template().id()));
        body.put("page", Map.of("id", kit.page().id()));
        body.put("smtp", Map.of("id", kit.profile().id()));
        body.put("groups", List.of(Map.of("id", kit.group().id())));
        tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(201)
                .body("template.name", equalTo(kit.template().name())).body("results", hasSize(3));
    }

    @Test
    void queuesAFutureLaunchAndSpreadsSendsBySecond() {
        Instant launch = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body(URL));
        List<TargetMaterial> four = CampaignFixtures.targets(4);
        body.put("groups", List.of(Map.of("name", materials.group(tenant.id(), "Four " + Fixtures.unique(), four).name())));
        body.put("launch_date", launch.toString());
        body.put("send_by_date", launch.plusSeconds(120).toString());
        JsonPath created = tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(201)
                .body("status", equalTo("Queued")).extract().jsonPath();
        assertThat(created.getList("results.status")).containsOnly("Scheduled");
        assertThat(created.getList("results.send_date")).containsExactly(launch.toString(),
                launch.plusSeconds(30).toString(), launch.plusSeconds(60).toString(), launch.plusSeconds(90).toString());
        assertThat(created.getList("results.email")).containsExactlyElementsOf(four.stream().map(TargetMaterial::email)
                .toList());
    }

    @Test
    void deduplicatesRecipientsAcrossGroupsIgnoringCase() {
        TargetMaterial first = kit.group().targets().get(0);
        TargetMaterial shouting = new TargetMaterial(first.email().toUpperCase(java.util.Locale.ROOT), "Other",
                "Person", "");
        String other = materials.group(tenant.id(), "Dupes " + Fixtures.unique(), List.of(shouting)).name();
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body(URL));
        body.put("groups", List.of(Map.of("name", kit.group().name()), Map.of("name", other)));
        body.put("launch_date", Instant.now().plus(Duration.ofDays(1)).toString());
        tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(201).body("results", hasSize(3))
                .body("results[0].email", equalTo(first.email())).body("results[0].first_name", equalTo("First1"));
    }

    @Test
    void showsTheSnapshotAndDeletedMaterialsAsGophishDoes() {
        long id = kit.launch(URL);
        materials.replace(tenant.id(), kit.template().id(), new CampaignMaterials.TemplateMaterial(kit.template().id(),
                kit.template().name(), "", "Edited later", "", "", Instant.now(), List.of()));
        tenant.asAdmin().get("/api/campaigns/" + id).then().statusCode(200)
                .body("template.subject", equalTo(kit.template().subject()));
        materials.delete(tenant.id(), kit.page().id());
        tenant.asAdmin().get("/api/campaigns/" + id).then().statusCode(200).body("page.name", equalTo("[Deleted]"))
                .body("page.id", equalTo(0)).body("page.html", equalTo(""))
                .body("template.name", equalTo(kit.template().name()));
    }

    @Test
    void summarisesCampaignsWithStatsInGophishOrder() {
        long id = kit.launch(URL);
        JsonPath one = tenant.asAdmin().get("/api/campaigns/" + id + "/summary").then().statusCode(200)
                .body("stats.total", equalTo(3)).body("stats.error", equalTo(0)).extract().jsonPath();
        assertThat(one.getMap("$").keySet()).containsExactly("id", "created_date", "launch_date", "send_by_date",
                "completed_date", "status", "name", "stats");
        assertThat(one.getMap("stats").keySet()).containsExactly("total", "sent", "opened", "clicked",
                "submitted_data", "email_reported", "error");
        JsonPath all = tenant.asAdmin().get("/api/campaigns/summary").then().statusCode(200).extract().jsonPath();
        assertThat(all.getLong("total")).isEqualTo(all.getList("campaigns").size());
        assertThat(all.getList("campaigns.id", Long.class)).contains(id);
        Tenant empty = Fixtures.contoso();
        empty.asAdmin().get("/api/campaigns/summary").then().statusCode(200).body("total", equalTo(0))
                .body("campaigns", hasSize(0));
        empty.asAdmin().get("/api/campaigns/").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void pagesListsAndResults() {
        long id = kit.launch(URL);
        kit.launch(URL);
        tenant.asAdmin().queryParam("limit", 1).get("/api/campaigns/").then().statusCode(200).body("$", hasSize(1));
        JsonPath page = tenant.asAdmin().queryParam("limit", 2).queryParam("offset", 1)
                .get("/api/campaigns/" + id + "/results").then().statusCode(200).body("results", hasSize(2)).extract()
                .jsonPath();
        List<String> all = CampaignFixtures.results(tenant, id).getList("results.id");
        assertThat(page.getList("results.id")).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(page.getList("timeline.message")).doesNotContain("Campaign Created");
        tenant.asAdmin().queryParam("limit", -1).get("/api/campaigns/").then().statusCode(400)
                .body("message", equalTo("limit: must be a non-negative integer"));
    }

    @Test
    void completesByGetOrPostAndThenSendsNothing() {
        Map<String, Object> body = new java.util.LinkedHashMap<>(kit.body(URL));
        body.put("launch_date", Instant.now().plus(Duration.ofDays(1)).toString());
        long id = kit.launch(body);
        tenant.asAdmin().get("/api/campaigns/" + id + "/complete").then().statusCode(200)
                .body("message", equalTo("Campaign completed successfully!")).body("success", equalTo(true));
        JsonPath read = tenant.asAdmin().get("/api/campaigns/" + id).then().statusCode(200)
                .body("status", equalTo("Completed")).extract().jsonPath();
        String completed = read.getString("completed_date");
        assertThat(completed).isNotEqualTo("0001-01-01T00:00:00Z");
        tenant.asAdmin().post("/api/campaigns/" + id + "/complete").then().statusCode(200);
        tenant.asAdmin().get("/api/campaigns/" + id).then().body("completed_date", equalTo(completed));
    }

    @Test
    void deletesWithGophishsMessageAndThenAnswers404() {
        long id = kit.launch(URL);
        tenant.asAdmin().delete("/api/campaigns/" + id).then().statusCode(200)
                .body("message", equalTo("Campaign deleted successfully!")).body("success", equalTo(true));
        for (String path : List.of("", "/results", "/summary", "/complete")) {
            tenant.asAdmin().get("/api/campaigns/" + id + path).then().statusCode(404)
                    .body("message", equalTo("Campaign not found")).body("success", equalTo(false));
        }
        tenant.asAdmin().get("/api/campaigns/not-a-number").then().statusCode(404)
                .body("message", equalTo("Campaign not found"));
        tenant.asAdmin().body("{}").put("/api/campaigns/" + id).then().statusCode(405).body("success", equalTo(false));
    }

    @Test
    void auditsCreationCompletionAndDeletion() {
        long id = kit.launch(URL);
        tenant.asAdmin().get("/api/campaigns/" + id + "/complete").then().statusCode(200);
        tenant.asAdmin().delete("/api/campaigns/" + id).then().statusCode(200);
        List<Map<String, Object>> entries = AuditTrail.entries(tenant.asAdmin(), Map.of());
        assertThat(AuditTrail.single(entries, "campaign.create", "campaign", id).get("details"))
                .isEqualTo("3 recipients");
        AuditTrail.single(entries, "campaign.complete", "campaign", id);
        AuditTrail.single(entries, "campaign.delete", "campaign", id);
    }

    @Test
    void viewersReadButNeitherCreateNorCompleteNorDelete() {
        long id = kit.launch(URL);
        Fixtures.Account viewer = Fixtures.clientAccount("viewer-" + Fixtures.unique() + "@example.test");
        Fixtures.member(tenant.id(), viewer.id(), "viewer");
        var asViewer = io.tidewatch.testing.Api.as(viewer.apiKey(), tenant.id());
        asViewer.get("/api/campaigns/" + id).then().statusCode(200);
        io.tidewatch.testing.Api.as(viewer.apiKey(), tenant.id()).get("/api/campaigns/" + id + "/complete").then()
                .statusCode(403);
        io.tidewatch.testing.Api.as(viewer.apiKey(), tenant.id()).body(kit.body(URL)).post("/api/campaigns/").then()
                .statusCode(403);
        io.tidewatch.testing.Api.as(viewer.apiKey(), tenant.id()).delete("/api/campaigns/" + id).then().statusCode(403);
        tenant.asAdmin().get("/api/campaigns/" + id).then().body("status", equalTo("In progress"));
    }

    private void expect400(Map<String, Object> body, String message) {
        tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(400).body("message", equalTo(message))
                .body("success", equalTo(false)).body("data", equalTo(null));
    }
}
