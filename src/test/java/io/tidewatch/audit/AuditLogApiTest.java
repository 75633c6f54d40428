package io.tidewatch.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/** {@code GET /api/audit}: filters, cursor paging, roles, the platform scope, and that nothing can write to it. */
@QuarkusTest
class AuditLogApiTest {

    static Tenant tenant;
    static List<Long> users = new ArrayList<>();

    @BeforeEach
    void tenantWithSomeHistory() {
        if (tenant != null) {
            return;
        }
        tenant = Fixtures.tenant("Audit Api", 50);
        for (int i = 0; i < 4; i++) {
            users.add(createUser(tenant, "user-" + i + "-" + Fixtures.unique() + "@audit.test"));
        }
    }

    @Test
    void pagesNewestFirstWithAnOpaqueCursor() {
        List<Map<String, Object>> all = AuditTrail.entries(tenant.asAdmin(), Map.of());
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = tenant.asAdmin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/audit").then().statusCode(200).extract().jsonPath();
            List<Long> ids = page.getList("entries.id", Long.class);
            assertThat(ids).hasSizeLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        assertThat(seen).isEqualTo(all.stream().map(e -> ((Number) e.get("id")).longValue()).toList());
        assertThat(seen).isSortedAccordingTo((a, b) -> Long.compare(b, a)).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
    }

    @Test
    void defaultPageIsTheNewestHundredAndSaysWhenThereIsNoMore() {
        Tenant fresh = Fixtures.tenant("Audit Default Page", 5);
        long user = createUser(fresh, "newest-" + Fixtures.unique() + "@audit.test");

        fresh.asAdmin().get("/api/audit").then().statusCode(200)
                .body("next_cursor", nullValue())
                .body("entries[0].action", equalTo("member.add"))
                .body("entries[0].target_type", equalTo("account"))
                .body("entries.size()", equalTo(3))
                .body("entries[0].target_id", equalTo(String.valueOf(user)))
                .body("entries[0].outcome", equalTo("success"))
                .body("entries[0].org_id", equalTo((int) fresh.id()))
                .body("entries[0].actor_id", equalTo((int) fresh.adminUserId()))
                .body("entries[0].impersonator_id", nullValue())
                .body("entries[0].client_address", equalTo("127.0.0.1"))
                .body("entries[0].time", startsWith(String.valueOf(Instant.now().atZone(ZoneOffset.UTC)
                        .getYear())));
    }

    @Test
    void filtersByExactActionOrByPrefix() {
        changeRole(tenant, users.get(0), "viewer");

        List<Map<String, Object>> exact = AuditTrail.entries(tenant.asAdmin(), Map.of("action", "member.add"));
        List<Map<String, Object>> prefix = AuditTrail.entries(tenant.asAdmin(), Map.of("action", "member"));
        List<Map<String, Object>> none = AuditTrail.entries(tenant.asAdmin(), Map.of("action", "membe"));

        assertThat(exact).isNotEmpty().allSatisfy(e -> assertThat(e.get("action")).isEqualTo("member.add"));
        assertThat(prefix).extracting(e -> e.get("action")).contains("member.add", "member.role_change")
                .allSatisfy(a -> assertThat(a.toString()).startsWith("member."));
        assertThat(none).isEmpty();
    }

    @Test
    void filtersByActorNameOrAccountId() {
        List<Map<String, Object>> byOrgAdmin = AuditTrail.entries(tenant.asAdmin(),
                Map.of("actor", tenant.adminUserId()));
        List<Map<String, Object>> byMsspAdmin = AuditTrail.entries(tenant.asAdmin(), Map.of("actor", "ADMIN"));

        assertThat(byOrgAdmin).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(e -> assertThat(e.get("actor_id")).isEqualTo((int) tenant.adminUserId()));
        assertThat(byMsspAdmin).isNotEmpty().allSatisfy(e -> assertThat(e.get("actor_name")).isEqualTo("admin"));
    }

    @Test
    void filtersBySinceAndUntilInclusively() {
        Map<String, Object> newest = AuditTrail.entries(tenant.asAdmin(), Map.of()).get(0);
        String time = (String) newest.get("time");
        String sameInstantElsewhere = Instant.parse(time).atOffset(ZoneOffset.ofHours(2)).toString();

        assertThat(AuditTrail.entries(tenant.asAdmin(), Map.of("since", time, "until", time)))
                .extracting(e -> e.get("id")).contains(newest.get("id"));
        assertThat(AuditTrail.entries(tenant.asAdmin(), Map.of("since", sameInstantElsewhere)))
                .extracting(e -> e.get("id")).contains(newest.get("id"));
        assertThat(AuditTrail.entries(tenant.asAdmin(), Map.of("since", "2999-01-01T00:00:00Z"))).isEmpty();
        assertThat(AuditTrail.entries(tenant.asAdmin(), Map.of("until", "2000-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void rejectsBadFilterValuesNamingTheParameter() {
        expect400("action", "Member Add!", "action:");
        expect400("action", "a".repeat(65), "action:");
        expect400("since", "yesterday", "since:");
        expect400("until", "2024-13-01T00:00:00Z", "until:");
        expect400("since", "2024-01-01T10:00:00", "since:");
        expect400("limit", "0", "limit:");
        expect400("limit", "1001", "limit:");
        expect400("limit", "ten", "limit:");
        expect400("cursor", "abc", "cursor:");
        expect400("cursor", "-5", "cursor:");
        expect400("actor", "x".repeat(255), "actor:");
        expect400("scope", "galaxy", "scope:");
        tenant.asAdmin().queryParam("since", "2024-02-01T00:00:00Z").queryParam("until", "2024-01-01T00:00:00Z")
                .get("/api/audit").then().statusCode(400).body("message", startsWith("until:"));
        tenant.asAdmin().queryParam("limit", "1000").get("/api/audit").then().statusCode(200);
    }

    @Test
    void viewersReadTheLogAndLearnersDoNot() {
        Account viewer = Fixtures.clientAccount("viewer-" + Fixtures.unique() + "@audit.test");
        Account learner = Fixtures.clientAccount("learner-" + Fixtures.unique() + "@audit.test");
        Fixtures.member(tenant.id(), viewer.id(), "viewer");
        Fixtures.member(tenant.id(), learner.id(), "learner");

        Api.as(viewer.apiKey(), tenant.id()).get("/api/audit").then().statusCode(200);
        Api.as(viewer.apiKey(), tenant.id()).get("/api/audit/verify").then().statusCode(200);
        Api.as(learner.apiKey(), tenant.id()).get("/api/audit").then().statusCode(403);
        given().get("/api/audit").then().statusCode(401).body("message", equalTo("API Key not set"));
    }

    @Test
    void platformLogIsForMsspAdminsOnly() {
        Account staff = Fixtures.staffAccount("staff-" + Fixtures.unique() + "@mssp.test");

        Api.asAdmin().queryParam("scope", "platform").get("/api/audit").then().statusCode(200)
                .body("entries.size()", greaterThan(0));
        Api.asAdmin().queryParam("scope", "platform").get("/api/audit/verify").then().statusCode(200);
        Api.asAdmin().queryParam("scope", "platform").queryParam("limit", 1).get("/api/audit.csv").then()
                .statusCode(200);
        for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit/verify")) {
            tenant.asAdmin().queryParam("scope", "platform").get(path).then().statusCode(403)
                    .body("message", equalTo("Forbidden"));
            Api.as(staff.apiKey()).queryParam("scope", "platform").get(path).then().statusCode(403);
        }
    }

    @Test
    void noMethodChangesOrDeletesAnEntry() {
        for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit/verify", "/api/audit?scope=platform",
                "/api/audit/verify?scope=platform")) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                Response response = tenant.asAdmin().body(Map.of("action", "x")).request(method, path);
                assertThat(response.statusCode()).as("%s %s", method, path).isEqualTo(405);
                assertThat(response.jsonPath().getBoolean("success")).isFalse();
                assertThat(response.jsonPath().getString("message")).isEqualTo("Method not allowed");
            }
        }
    }

    static long createUser(Tenant in, String username) {
        return in.asAdmin().body(Map.of("username", username, "password", "password123", "role", "user"))
                .post("/api/users/").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    static void changeRole(Tenant in, long accountId, String role) {
        Api.asAdmin().body(Map.of("role", role)).put("/api/organizations/" + in.id() + "/members/" + accountId)
                .then().statusCode(200);
    }

    private static void expect400(String parameter, String value, String messagePrefix) {
        tenant.asAdmin().queryParam(parameter, value).get("/api/audit").then().statusCode(400)
                .body("message", startsWith(messagePrefix)).body("success", is(false)).body("data", nullValue());
    }
}
