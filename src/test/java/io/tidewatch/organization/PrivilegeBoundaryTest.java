package io.tidewatch.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.CrossTenant;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/** A client organization's admin manages its own people and nothing of the platform's. */
@QuarkusTest
class PrivilegeBoundaryTest {

    @Test
    void anOrgAdminCannotPullAnExistingAccountIntoItsOrganization() {
        Tenant tenant = Fixtures.northwind();
        Account msspAdmin = Fixtures.account("root-" + Fixtures.unique() + "@mssp.test", "mssp_admin");
        Api.as(tenant.adminKey()).body(Map.of("user_id", msspAdmin.id(), "role", "learner"))
                .post("/api/organizations/" + tenant.id() + "/members").then().statusCode(403);
        Api.as(msspAdmin.apiKey()).get("/api/accounts").then().statusCode(200);
    }

    @Test
    void anOrgAdminAddsAClientAccountThatBelongsToNoOtherOrganization() {
        Tenant tenant = Fixtures.northwind();
        Account person = Fixtures.clientAccount("joiner-" + Fixtures.unique() + "@northwind.test");

        tenant.asAdmin().body(Map.of("user_id", person.id(), "role", "operator"))
                .post("/api/organizations/" + tenant.id() + "/members").then().statusCode(201)
                .body("user_id", equalTo((int) person.id())).body("role", equalTo("operator"))
                .body("takes_seat", equalTo(true));
        tenant.asAdmin().get("/api/users/" + person.id()).then().statusCode(200);
    }

    @Test
    void aLearnerHasNoApiAccessAnywhereUntilGivenAnotherRole() {
        Tenant tenant = Fixtures.northwind();
        Account learner = Fixtures.clientAccount("learner-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(tenant.id(), learner.id(), "learner");

        Api.as(learner.apiKey()).get("/api/organizations/").then().statusCode(403)
                .body("message", equalTo("Learners have no API access")).body("success", equalTo(false));
        Api.as(learner.apiKey()).get("/api/organizations/" + tenant.id()).then().statusCode(403);
        Api.as(learner.apiKey()).post("/api/reset").then().statusCode(403);
        Api.as(learner.apiKey()).get("/api/campaigns/").then().statusCode(403);

        tenant.asAdmin().body(Map.of("role", "viewer"))
                .put("/api/organizations/" + tenant.id() + "/members/" + learner.id()).then().statusCode(200);
        Api.as(learner.apiKey()).get("/api/organizations/").then().statusCode(200);
        Api.as(learner.apiKey()).get("/api/campaigns/").then().statusCode(200);
    }

    @Test
    void anOrgAdminCannotAddStaffAnotherOrganizationsClientOrAnUnknownAccount() {
        Tenant tenant = Fixtures.northwind();
        Tenant other = Fixtures.contoso();
        Account staff = Fixtures.staffAccount("staff-" + Fixtures.unique() + "@mssp.test");
        String path = "/api/organizations/" + tenant.id() + "/members";

        String missing = tenant.asAdmin().body(Map.of("user_id", CrossTenant.MISSING_ID, "role", "viewer")).post(path)
                .then().statusCode(403).extract().asString();
        String staffAnswer = tenant.asAdmin().body(Map.of("user_id", staff.id(), "role", "viewer")).post(path)
                .then().statusCode(403).extract().asString();
        String clientAnswer = tenant.asAdmin().body(Map.of("user_id", other.adminUserId(), "role", "viewer")).post(path)
                .then().statusCode(403).extract().asString();

        assertThat(staffAnswer).isEqualTo(missing);
        assertThat(clientAnswer).isEqualTo(missing);
        assertThat(Api.asAdmin().get(path).then().extract().jsonPath().getList("user_id", Long.class))
                .doesNotContain(staff.id(), other.adminUserId());
    }

    @Test
    void onlyTheOrganizationsOwnAdminsAddMembers() {
        Tenant tenant = Fixtures.northwind();
        Tenant other = Fixtures.contoso();
        Account operator = Fixtures.clientAccount("op-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(tenant.id(), operator.id(), "operator");
        Account person = Fixtures.clientAccount("joiner-" + Fixtures.unique() + "@northwind.test");

        Api.as(operator.apiKey()).body(Map.of("user_id", person.id(), "role", "viewer"))
                .post("/api/organizations/" + tenant.id() + "/members").then().statusCode(403);
        other.asAdmin().body(Map.of("user_id", person.id(), "role", "viewer"))
                .post("/api/organizations/" + tenant.id() + "/members").then().statusCode(403);
        Api.asAdmin().get("/api/organizations/" + tenant.id() + "/members").then().statusCode(200)
                .body("size()", equalTo(3));
    }

    @Test
    void anOrgAdminCannotChangeOrRemoveStaffMembers() {
        Tenant tenant = Fixtures.northwind();
        Account staff = Fixtures.staffAccount("staff-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(tenant.id(), staff.id(), "operator");

        tenant.asAdmin().body(Map.of("password", "attacker-chosen", "account_locked", true))
                .put("/api/users/" + staff.id()).then().statusCode(403);
        tenant.asAdmin().delete("/api/users/" + staff.id()).then().statusCode(403);
        tenant.asAdmin().body(Map.of("role", "learner"))
                .put("/api/organizations/" + tenant.id() + "/members/" + staff.id()).then().statusCode(403);
        tenant.asAdmin().delete("/api/organizations/" + tenant.id() + "/members/" + staff.id()).then().statusCode(403);
        tenant.asAdmin().body(Map.of("account_locked", true)).put("/api/users/1").then().statusCode(403);

        Api.as(staff.apiKey()).get("/api/organizations/").then().statusCode(200);
    }

    @Test
    void anOrgAdminManagesItsClientMembers() {
        Tenant tenant = Fixtures.northwind();
        long id = tenant.asAdmin().body(Map.of("username", "c-" + Fixtures.unique() + "@n.test", "password", "password123",
                "role", "user")).post("/api/users/").then().statusCode(200).extract().jsonPath().getLong("id");
        tenant.asAdmin().body(Map.of("role", "viewer")).put("/api/users/" + id).then().statusCode(200)
                .body("role.slug", equalTo("viewer"));
        tenant.asAdmin().body(Map.of("account_locked", true)).put("/api/users/" + id).then().statusCode(200)
                .body("account_locked", equalTo(true));
        tenant.asAdmin().body(Map.of("role", "operator"))
                .put("/api/organizations/" + tenant.id() + "/members/" + id).then().statusCode(200);
    }

    @Test
    void theLastMsspAdminCannotBeDemotedLockedOrDeleted() {
        Account other = Fixtures.account("root-" + Fixtures.unique() + "@mssp.test", "mssp_admin");
        Api.asAdmin().body(Map.of("platform_role", "mssp_staff")).put("/api/accounts/1").then().statusCode(400);
        Api.asAdmin().body(Map.of("account_locked", true)).put("/api/accounts/1").then().statusCode(400);
        Api.as(other.apiKey()).body(Map.of("account_locked", true)).put("/api/accounts/" + other.id())
                .then().statusCode(400);
        Api.asAdmin().body(Map.of("platform_role", "mssp_staff")).put("/api/accounts/" + other.id()).then()
                .statusCode(200);
        Api.asAdmin().get("/api/accounts").then().statusCode(200);
    }

    @Test
    void anAccountCannotMoveBetweenClientAndStaffWhileAMember() {
        Tenant tenant = Fixtures.tenant("Capped", 2);
        Account staff = Fixtures.staffAccount("mover-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(tenant.id(), staff.id(), "operator");
        Api.asAdmin().body(Map.of("platform_role", "client")).put("/api/accounts/" + staff.id()).then().statusCode(409);
        Api.asAdmin().body(Map.of("platform_role", "mssp_staff")).put("/api/accounts/" + tenant.adminUserId())
                .then().statusCode(409);
    }

    @Test
    void deletingTheOnlyAdminOfAnOrganizationIsRefused() {
        Tenant tenant = Fixtures.northwind();
        Api.asAdmin().delete("/api/organizations/" + tenant.id() + "/members/1").then().statusCode(200);
        Api.asAdmin().delete("/api/accounts/" + tenant.adminUserId()).then().statusCode(409);
        tenant.asAdmin().get("/api/users/").then().statusCode(200);
    }

    @Test
    void deletingAnOrganizationRetiresItsClientAccounts() {
        Tenant tenant = Fixtures.northwind();
        Api.asAdmin().delete("/api/organizations/" + tenant.id()).then().statusCode(200);
        Api.as(tenant.adminKey()).get("/api/organizations/").then().statusCode(401);
    }

    @Test
    void aChangeAnswersWithTheStateAfterIt() {
        Tenant tenant = Fixtures.northwind();
        long id = tenant.asAdmin().body(Map.of("username", "s-" + Fixtures.unique() + "@n.test", "password", "password123",
                "role", "user")).post("/api/users/").then().extract().jsonPath().getLong("id");
        tenant.asAdmin().get("/api/users/" + id).then().body("role.slug", equalTo("user"));
        tenant.asAdmin().body(Map.of("role", "viewer")).put("/api/users/" + id).then().statusCode(200)
                .body("role.slug", equalTo("viewer"));
    }
}
