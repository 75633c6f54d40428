package io.tidewatch.campaign;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.CampaignMaterials.GroupMaterial;
import io.tidewatch.campaign.CampaignMaterials.PageMaterial;
import io.tidewatch.campaign.CampaignMaterials.ProfileMaterial;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.CampaignMaterials.TemplateMaterial;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;
import io.tidewatch.testing.Waiting;

/** Builds what a campaign needs in a tenant (through the test registry) and launches campaigns through the API. */
public final class CampaignFixtures {

    /** The page most tests use: a login form with a password field. */
    public static final String LOGIN_PAGE = "<html><head></head><body><h1>Hello {{.FirstName}}</h1>"
            + "<form action=\"\" method=\"post\"><input name=\"username\"><input type=\"password\" name=\"password\">"
            + "<input type=\"submit\"></form></body></html>";

    private CampaignFixtures() {
    }

    /** A tenant's materials for one campaign. */
    public record Kit(Tenant tenant, TemplateMaterial template, PageMaterial page, ProfileMaterial profile,
            GroupMaterial group) {

        /** The POST body referring to everything by name, launching now. */
        public Map<String, Object> body(String url) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Campaign " + Fixtures.unique());
            body.put("template", Map.of("name", template.name()));
            body.put("page", Map.of("name", page.name()));
            body.put("smtp", Map.of("name", profile.name()));
            body.put("url", url);
            body.put("groups", List.of(Map.of("name", group.name())));
            return body;
        }

        /** Launches a campaign now and returns its id. */
        public long launch(String url) {
            return launch(body(url));
        }

        /** Launches a campaign from this body and returns its id. */
        public long launch(Map<String, Object> body) {
            return tenant.asAdmin().body(body).post("/api/campaigns/").then().statusCode(201).extract().jsonPath()
                    .getLong("id");
        }
    }

    /** Materials in {@code tenant}: a template with text and HTML, the login page, a profile sending to {@code smtp}. */
    public static Kit kit(TestMaterials materials, Tenant tenant, String smtp, List<TargetMaterial> targets) {
        String suffix = Fixtures.unique();
        TemplateMaterial template = materials.template(tenant.id(), "Template " + suffix,
                "Password expiry for {{.FirstName}}", "Hello {{.FirstName}}, visit {{.URL}}",
                "<html><body><p>Hello {{.FirstName}} {{.LastName}}</p><a href=\"{{.URL}}\">Keep it</a>{{.Tracker}}"
                        + "</body></html>",
                "", List.of());
        PageMaterial page = materials.page(tenant.id(), "Page " + suffix, LOGIN_PAGE, true, true, "");
        ProfileMaterial profile = materials.profile(tenant.id(), "Profile " + suffix, smtp, "it@example.test",
                List.of());
        GroupMaterial group = materials.group(tenant.id(), "Group " + suffix, targets);
        return new Kit(tenant, template, page, profile, group);
    }

    /** {@code n} targets with unique addresses. */
    public static List<TargetMaterial> targets(int n) {
        String suffix = Fixtures.unique();
        List<TargetMaterial> targets = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            targets.add(new TargetMaterial("user" + i + "-" + suffix + "@example.test", "First" + i, "Last" + i,
                    "Staff"));
        }
        return targets;
    }

    /** The campaign's results as its tenant sees them. */
    public static JsonPath results(Tenant tenant, long campaignId) {
        return tenant.asAdmin().get("/api/campaigns/" + campaignId + "/results").then().statusCode(200).extract()
                .jsonPath();
    }

    /** Waits until every one of {@code total} results has left Scheduled/Sending/Retrying. */
    public static JsonPath awaitSettled(Tenant tenant, long campaignId, Duration timeout) {
        Waiting.until("campaign " + campaignId + " has no e-mail left to send", timeout, () -> {
            List<String> statuses = results(tenant, campaignId).getList("results.status");
            return statuses.stream().noneMatch(s -> s.equals("Scheduled") || s.equals("Sending") || s.equals("Retrying"));
        });
        return results(tenant, campaignId);
    }
}
