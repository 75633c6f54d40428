package io.tidewatch.organization;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/** Gophish's {@code /api/users/} over the current organization's members, in Gophish's shapes and messages. */
@QuarkusTest
class GophishUsersApiTest {

    @Test
    void createsAMemberInGophishsShape() {
        Tenant tenant = Fixtures.northwind();
        String username = "bob-" + Fixtures.unique() + "@northwind.test";
        tenant.asAdmin().body(Map.of("username", username, "password", "password123", "role", "admin"))
                .post("/api/users/").then().statusCode(200)
                .body("username", equalTo(username))
                .body("api_key", equalTo(""))
                .body("role.slug", equalTo("admin"))
                .body("role.name", equalTo("Admin"))
                .body("password_change_required", equalTo(false))
                .body("account_locked", equalTo(false))
                .body("last_login", equalTo("0001-01-01T00:00:00Z"));
        tenant.asAdmin().get("/api/users/").then().statusCode(200).body("username", hasItem(username));
    }

    @Test
    void reportsGophishsValidationMessages() {
        Tenant tenant = Fixtures.northwind();
        tenant.asAdmin().body(Map.of("password", "password123", "role", "user")).post("/api/users/").then()
                .statusCode(400).body("message", equalTo("No username provided"));
        tenant.asAdmin().body(Map.of("username", "x-" + Fixtures.unique(), "password", "password123")).post("/api/users/")
                .then().statusCode(400).body("message", equalTo("No role specified"));
        tenant.asAdmin().body(Map.of("username", "x-" + Fixtures.unique(), "role", "user")).post("/api/users/")
                .then().statusCode(400).body("message", equalTo("No password provided"));
        tenant.asAdmin().body(Map.of("username", "x-" + Fixtures.unique(), "password", "short", "role", "user"))
                .post("/api/users/").then().statusCode(400)
                .body("message", equalTo("Password must be at least 8 characters"));
        tenant.asAdmin().body(Map.of("username", "admin", "password", "password123", "role", "user"))
                .post("/api/users/").then().statusCode(400).body("message", equalTo("Username already taken"));
    }

    @Test
    void operatorsCannotManageUsersButCanReadThemselves() {
        Tenant tenant = Fixtures.northwind();
        Account operator = Fixtures.clientAccount("op-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(tenant.id(), operator.id(), "operator");
        Api.as(operator.apiKey(), tenant.id()).get("/api/users/").then().statusCode(403);
        Api.as(operator.apiKey(), tenant.id()).get("/api/users/" + operator.id()).then().statusCode(200);
        Api.as(operator.apiKey(), tenant.id()).get("/api/users/" + tenant.adminUserId()).then().statusCode(403);
        Api.as(operator.apiKey(), tenant.id()).body(Map.of("role", "admin")).put("/api/users/" + operator.id())
                .then().statusCode(400).body("message", equalTo("Permission denied"));
    }

    @Test
    void viewersMayOnlyReadAndLearnersHaveNoApi() {
        Tenant tenant = Fixtures.northwind();
        Account viewer = Fixtures.clientAccount("viewer-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(tenant.id(), viewer.id(), "viewer");
        Api.as(viewer.apiKey()).get("/api/users/" + viewer.id()).then().statusCode(200);
        Api.as(viewer.apiKey()).body(Map.of("username", "v2-" + Fixtures.unique())).put("/api/users/" + viewer.id())
                .then().statusCode(403);

        Account learner = Fixtures.clientAccount("learner-" + Fixtures.unique() + "@northwind.test");
        Fixtures.member(tenant.id(), learner.id(), "learner");
        Api.as(learner.apiKey()).get("/api/users/" + learner.id()).then().statusCode(403);
    }

    @Test
    void theOnlyAdministratorCannotBeRemovedOrDemoted() {
        Tenant tenant = Fixtures.northwind();
        Api.asAdmin().delete("/api/organizations/" + tenant.id() + "/members/1").then().statusCode(200);
        tenant.asAdmin().delete("/api/users/" + tenant.adminUserId()).then().statusCode(400)
                .body("message", equalTo("Cannot remove the only administrator"));
        tenant.asAdmin().body(Map.of("role", "user")).put("/api/users/" + tenant.adminUserId()).then().statusCode(400)
                .body("message", equalTo("Cannot remove the only administrator"));
    }

    @Test
    void deletingAClientMemberDeletesItsAccountAndFreesItsSeat() {
        Tenant tenant = Fixtures.tenant("Leaver", 2);
        String username = "leaver-" + Fixtures.unique() + "@leaver.test";
        long id = tenant.asAdmin().body(Map.of("username", username, "password", "password123", "role", "user"))
                .post("/api/users/").then().statusCode(200).extract().jsonPath().getLong("id");
        tenant.asAdmin().delete("/api/users/" + id).then().statusCode(200)
                .body("message", equalTo("User deleted Successfully!"));
        Api.asAdmin().get("/api/accounts").then().body("username", not(hasItem(username)));
        Api.asAdmin().get("/api/organizations/" + tenant.id()).then().body("seats_used", equalTo(1));
    }

    @Test
    void aCallerInSeveralOrganizationsMustChooseOne() {
        Tenant a = Fixtures.northwind();
        Tenant b = Fixtures.contoso();
        Account staff = Fixtures.staffAccount("multi-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(a.id(), staff.id(), "admin");
        Fixtures.member(b.id(), staff.id(), "admin");
        Api.as(staff.apiKey()).get("/api/users/").then().statusCode(200);
        Api.as(staff.apiKey(), b.id()).get("/api/users/").then().statusCode(200)
                .body("id", hasItem((int) b.adminUserId()));
        Api.as(staff.apiKey()).queryParam("org_id", b.id()).get("/api/users/").then().statusCode(200)
                .body("id", hasItem((int) b.adminUserId()));
    }
}
