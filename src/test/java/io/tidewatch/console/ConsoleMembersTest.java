package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The members page: adding, the seat cap, role changes, deactivation and confirmed removal, with the API's rules. */
@QuarkusTest
class ConsoleMembersTest {

    static ConsoleSession clientAdmin(Tenant tenant) {
        return ConsolePagesTest.clientAdmin(tenant);
    }

    static String members(Tenant tenant) {
        return "/console/orgs/" + tenant.id() + "/members";
    }

    static List<String> usernames(Tenant tenant) {
        return tenant.asAdmin().get("/api/users/").then().statusCode(200).extract().jsonPath().getList("username");
    }

    static long userId(Tenant tenant, String username) {
        return tenant.asAdmin().get("/api/users/").then().extract().jsonPath()
                .getLong("find { it.username == '" + username + "' }.id");
    }

    @Test
    void addsAClientMemberWhoCanThenSignIn() {
        Tenant tenant = Fixtures.tenant("Woodgrove", 10);
        ConsoleSession admin = clientAdmin(tenant);
        String ana = "ana-" + Fixtures.unique() + "@woodgrove.test";
        Response added = admin.post(members(tenant), members(tenant), Map.of("username", ana, "role", "operator",
                "password", "first-password-1", "must_change", "true"));
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.header("Location")).endsWith("/members?done=added");
        assertThat(admin.get(added.header("Location")).asString()).contains(ana).contains("The member was added");
        assertThat(usernames(tenant)).contains(ana);
        ConsoleSession signedIn = ConsoleSession.signIn(tenant.host(), ana, "first-password-1");
        assertThat(signedIn.get("/console").header("Location")).as("an initial password must be changed")
                .startsWith("/change-password");
    }

    @Test
    void theSeatCapIsAMessageNamingTheCapAndNothingIsCreated() {
        Tenant tenant = Fixtures.tenant("Litware", 1);
        ConsoleSession admin = clientAdmin(tenant);
        String bob = "bob-" + Fixtures.unique() + "@litware.test";
        Response refused = admin.post(members(tenant), members(tenant), Map.of("username", bob, "role", "viewer"));
        assertThat(refused.statusCode()).isEqualTo(402);
        assertThat(refused.asString()).contains("No seat left").contains("Seat cap of 1 reached")
                .contains("value=\"" + bob + "\"").contains("<option value=\"viewer\" selected>");
        assertThat(usernames(tenant)).doesNotContain(bob);
        assertThat(Api.asAdmin().get("/api/accounts").then().extract().jsonPath().getList("username")).doesNotContain(bob);
    }

    @Test
    void aBadAddressIsShownNextToTheField() {
        Tenant tenant = Fixtures.tenant("Proseware", 10);
        Response refused = clientAdmin(tenant).post(members(tenant), members(tenant), Map.of("username", "   ",
                "role", "viewer"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"username-error\"").contains("aria-invalid=\"true\"");
    }

    @Test
    void aUsernameThatIsNotAnEmailAddressIsRefusedBesideTheFieldAndKept() {
        Tenant tenant = Fixtures.tenant("Fabrikam", 10);
        ConsoleSession admin = clientAdmin(tenant);
        String typed = "not-an-email-" + Fixtures.unique();

        Response refused = admin.post(members(tenant), members(tenant), Map.of("username", typed, "role", "viewer",
                "password", "first-password-1"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("id=\"username-error\"").contains("aria-invalid=\"true\"")
                .contains("e-mail address, such as name@example.com").contains("value=\"" + typed + "\"")
                .contains("<option value=\"viewer\" selected>").doesNotContain("The member was added");
        assertThat(usernames(tenant)).doesNotContain(typed);
        assertThat(Api.asAdmin().get("/api/accounts").then().extract().jsonPath().getList("username"))
                .doesNotContain(typed);
    }

    @Test
    void changesARoleAndDeactivatingFreesASeat() {
        Tenant tenant = Fixtures.tenant("Adatum", 10);
        ConsoleSession admin = clientAdmin(tenant);
        String carol = "carol-" + Fixtures.unique() + "@adatum.test";
        admin.post(members(tenant), members(tenant), Map.of("username", carol, "role", "operator"));
        long id = userId(tenant, carol);
        Response changed = admin.post(members(tenant), members(tenant) + "/" + id + "/role", Map.of("role", "viewer"));
        assertThat(changed.header("Location")).endsWith("done=role");
        assertThat(tenant.asAdmin().get("/api/users/" + id).then().extract().jsonPath().getString("role.slug"))
                .isEqualTo("viewer");

        admin.post(members(tenant), members(tenant) + "/" + id + "/active", Map.of("active", "false"));
        int used = Api.asAdmin().get("/api/organizations/" + tenant.id()).then().extract().path("seats_used");
        assertThat(used).isEqualTo(1);
        assertThat(admin.get(members(tenant)).asString()).contains("Deactivated").contains("1 of 10");
    }

    @Test
    void removalIsConfirmedAndDeletesTheClientAccount() {
        Tenant tenant = Fixtures.tenant("Coho", 10);
        ConsoleSession admin = clientAdmin(tenant);
        String dan = "dan-" + Fixtures.unique() + "@coho.test";
        admin.post(members(tenant), members(tenant), Map.of("username", dan, "role", "viewer"));
        long id = userId(tenant, dan);
        Response confirm = admin.get(members(tenant) + "/" + id + "/remove");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.asString()).contains("Remove " + dan + "?").contains("it is deleted as well");
        assertThat(usernames(tenant)).as("nothing happens before the confirmation").contains(dan);

        Response removed = admin.post(members(tenant) + "/" + id + "/remove", members(tenant) + "/" + id + "/remove",
                Map.of());
        assertThat(removed.header("Location")).endsWith("done=removed");
        assertThat(usernames(tenant)).doesNotContain(dan);
        Api.asAdmin().get("/api/accounts/" + id).then().statusCode(404);
    }

    @Test
    void orgAdminsLeaveStaffAndThemselvesAlone() {
        Tenant tenant = Fixtures.tenant("Fourth Coffee", 10);
        ConsoleSession admin = clientAdmin(tenant);
        long msspAdmin = userId(tenant, "admin");
        Response staff = admin.post(members(tenant), members(tenant) + "/" + msspAdmin + "/role", Map.of("role",
                "viewer"));
        assertThat(staff.statusCode()).isEqualTo(403);
        Response self = admin.post(members(tenant), members(tenant) + "/" + tenant.adminUserId() + "/remove", Map.of());
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.asString()).contains("You cannot change or remove your own membership");
        assertThat(usernames(tenant)).hasSize(2);
    }

    @Test
    void viewersAndOperatorsCannotManageMembers() {
        Tenant tenant = Fixtures.tenant("Alpine", 10);
        for (String role : List.of("viewer", "operator")) {
            Fixtures.Account account = Fixtures.clientAccount(role + "-" + Fixtures.unique() + "@alpine.test");
            Fixtures.member(tenant.id(), account.id(), role);
            ConsoleSession person = ConsoleSession.signIn(tenant.host(), account.username(), ConsoleSession.PASSWORD);
            assertThat(person.get(members(tenant)).statusCode()).as(role).isEqualTo(403);
            Response dashboard = person.get("/console/orgs/" + tenant.id());
            assertThat(dashboard.statusCode()).as(role).isEqualTo(200);
            assertThat(dashboard.asString()).as(role).doesNotContain("Members and seats</a>");
            Response post = person.postWithToken(members(tenant), ConsoleSessionTokens.token(person, tenant),
                    Map.of("username", "x-" + Fixtures.unique() + "@alpine.test", "role", "admin"));
            assertThat(post.statusCode()).as(role).isEqualTo(403);
        }
        assertThat(usernames(tenant)).hasSize(4);
    }
}
