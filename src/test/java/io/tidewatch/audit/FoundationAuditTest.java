package io.tidewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/** Every state change of the foundation leaves its entry, read back through {@code GET /api/audit}. */
@QuarkusTest
class FoundationAuditTest {

    @Test
    void organizationLifecycleIsAuditedInThePlatformLog() {
        String slug = "lifecycle-" + Fixtures.unique();
        Map<String, Object> body = Map.of("name", "Lifecycle", "slug", slug, "seat_cap", 5);
        long orgId = Fixtures.organization(body);
        Api.asAdmin().body(Map.of("name", "Lifecycle Renamed", "slug", slug, "seat_cap", 6))
                .put("/api/organizations/" + orgId).then().statusCode(200);
        long exportId = Api.asAdmin().delete("/api/organizations/" + orgId).then().statusCode(200)
                .extract().jsonPath().getLong("data.export_id");

        List<Map<String, Object>> log = AuditTrail.platform(Map.of("action", "organization"));
        assertThat(AuditTrail.single(log, "organization.create", "organization", orgId))
                .containsEntry("org_id", (int) orgId).containsEntry("actor_name", "admin")
                .containsEntry("details", "slug=" + slug);
        AuditTrail.single(log, "organization.update", "organization", orgId);
        assertThat(AuditTrail.single(log, "organization.export", "organization_export", exportId))
                .containsEntry("org_id", (int) orgId);
        assertThat(AuditTrail.single(log, "organization.delete", "organization", orgId).get("details").toString())
                .contains("export=" + exportId);
    }

    @Test
    void membershipChangesAreAuditedInTheOrganizationsLog() {
        Tenant tenant = Fixtures.tenant("Members", 10);
        Account person = Fixtures.clientAccount("person-" + Fixtures.unique() + "@members.test");
        String member = "/api/organizations/" + tenant.id() + "/members/" + person.id();
        Fixtures.member(tenant.id(), person.id(), "operator");
        Api.asAdmin().body(Map.of("role", "viewer")).put(member).then().statusCode(200);
        Api.asAdmin().body(Map.of("active", false)).put(member).then().statusCode(200);
        Api.asAdmin().body(Map.of("active", true)).put(member).then().statusCode(200);
        Api.asAdmin().delete(member).then().statusCode(200);

        List<Map<String, Object>> log = AuditTrail.entries(tenant.asAdmin(), Map.of("action", "member"));
        assertThat(AuditTrail.about(log, "account", person.id())).extracting(e -> e.get("action"))
                .containsExactly("member.remove", "member.activate", "member.deactivate", "member.role_change",
                        "member.add");
        assertThat(AuditTrail.single(log, "member.role_change", "account", person.id()))
                .containsEntry("details", "operator -> viewer");
    }

    @Test
    void accountChangesAreAuditedInThePlatformLog() {
        Account account = Fixtures.clientAccount("account-" + Fixtures.unique() + "@accounts.test");
        Api.asAdmin().body(Map.of("account_locked", false)).put("/api/accounts/" + account.id()).then().statusCode(200);
        Api.as(account.apiKey()).post("/api/reset").then().statusCode(200);
        Api.asAdmin().delete("/api/accounts/" + account.id()).then().statusCode(200);

        List<Map<String, Object>> log = AuditTrail.platform(Map.of("action", "account"));
        assertThat(AuditTrail.about(log, "account", account.id())).extracting(e -> e.get("action"))
                .containsExactly("account.delete", "account.api_key_reset", "account.update", "account.create");
        assertThat(AuditTrail.single(log, "account.api_key_reset", "account", account.id()))
                .containsEntry("actor_id", (int) account.id());
    }

    @Test
    void seatCapRejectionIsAuditedAsDenied() {
        Tenant full = Fixtures.tenant("Full", 1);

        full.asAdmin().body(Map.of("username", "over-" + Fixtures.unique() + "@full.test", "password", "password123",
                "role", "user")).post("/api/users/").then().statusCode(402);

        List<Map<String, Object>> rejected = AuditTrail.entries(full.asAdmin(), Map.of("action", "seat.cap_rejected"));
        assertThat(rejected).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("outcome", "denied").containsEntry("org_id", (int) full.id())
                    .containsEntry("actor_id", (int) full.adminUserId());
            assertThat(e.get("details").toString()).contains("1 of 1 used");
        });
        full.asAdmin().get("/api/audit/verify").then().statusCode(200);
    }

    @Test
    void refusalAfterAnAuditedChangeInTheSameRequestIsRecordedWithoutWaitingOnIt() {
        Tenant tenant = Fixtures.tenant("Refusal", 2);
        Account person = Fixtures.clientAccount("back-" + Fixtures.unique() + "@refusal.test");
        String member = "/api/organizations/" + tenant.id() + "/members/" + person.id();
        Fixtures.member(tenant.id(), person.id(), "operator");
        Api.asAdmin().body(Map.of("active", false)).put(member).then().statusCode(200);
        tenant.asAdmin().body(Map.of("username", "seat-" + Fixtures.unique() + "@refusal.test", "password", "password123",
                "role", "user")).post("/api/users/").then().statusCode(200);

        // The role change is audited first, then reactivating needs a seat there is none of: before entries were
        // chained at commit, recording the refusal waited forever on the chain head the role change held.
        Api.asAdmin().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 15_000)))
                .body(Map.of("role", "viewer", "active", true)).put(member).then().statusCode(402);

        List<Map<String, Object>> log = AuditTrail.entries(tenant.asAdmin(), Map.of());
        assertThat(AuditTrail.about(log, "account", person.id())).extracting(e -> e.get("action"))
                .containsExactly("member.deactivate", "member.add");
        assertThat(log.get(0)).containsEntry("action", "seat.cap_rejected").containsEntry("outcome", "denied");
        tenant.asAdmin().get("/api/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }
}
