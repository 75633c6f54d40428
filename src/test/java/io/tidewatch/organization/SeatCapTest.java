package io.tidewatch.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Fixtures.Account;
import io.tidewatch.testing.Tenant;

/** Seats and the seat cap of SPEC §3: exact, concurrent-safe, and never taken by MSSP staff. */
@QuarkusTest
class SeatCapTest {

    @Test
    void membersUpToTheCapSucceedAndTheNextIsRefusedNamingTheCap() {
        Tenant tenant = Fixtures.tenant("Capped", 3);
        addUser(tenant, "one").then().statusCode(200);
        addUser(tenant, "two").then().statusCode(200);
        addUser(tenant, "three").then().statusCode(402)
                .body("success", equalTo(false))
                .body("message", containsString("Seat cap of 3"));
        Api.asAdmin().get("/api/organizations/" + tenant.id()).then().body("seats_used", equalTo(3));
    }

    @Test
    void aRefusedAddWritesNothing() {
        Tenant tenant = Fixtures.tenant("Full", 1);
        String username = "late-" + Fixtures.unique() + "@full.test";
        addUser(tenant, username).then().statusCode(402);
        Api.asAdmin().get("/api/accounts").then().body("username", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(username)));
        Api.asAdmin().get("/api/organizations/" + tenant.id() + "/members").then().body("size()", equalTo(2));
    }

    @Test
    void msspStaffNeverTakeAClientSeat() {
        Tenant tenant = Fixtures.tenant("Staffed", 1);
        Account staff = Fixtures.staffAccount("staff-" + Fixtures.unique() + "@mssp.test");
        Api.asAdmin().body(Map.of("user_id", staff.id(), "role", "operator"))
                .post("/api/organizations/" + tenant.id() + "/members").then().statusCode(201)
                .body("takes_seat", equalTo(false));
        Api.asAdmin().get("/api/organizations/" + tenant.id()).then().body("seats_used", equalTo(1));
    }

    @Test
    void deactivatingAMemberFreesItsSeatAndRaisingTheCapAdmitsMore() {
        Tenant tenant = Fixtures.tenant("Rotating", 2);
        long first = addUser(tenant, "first").then().statusCode(200).extract().jsonPath().getLong("id");
        addUser(tenant, "second").then().statusCode(402);

        Api.asAdmin().body(Map.of("active", false)).put("/api/organizations/" + tenant.id() + "/members/" + first)
                .then().statusCode(200).body("active", equalTo(false));
        addUser(tenant, "second").then().statusCode(200);

        Api.asAdmin().body(Map.of("active", true)).put("/api/organizations/" + tenant.id() + "/members/" + first)
                .then().statusCode(402);
        Api.asAdmin().body(Map.of("name", "Rotating", "slug", tenant.slug(), "seat_cap", 3, "host", tenant.host()))
                .put("/api/organizations/" + tenant.id()).then().statusCode(200);
        Api.asAdmin().body(Map.of("active", true)).put("/api/organizations/" + tenant.id() + "/members/" + first)
                .then().statusCode(200);
    }

    @Test
    void aClientAccountCannotJoinASecondOrganization() {
        Tenant northwind = Fixtures.northwind();
        Tenant contoso = Fixtures.contoso();
        Api.asAdmin().body(Map.of("user_id", northwind.adminUserId(), "role", "viewer"))
                .post("/api/organizations/" + contoso.id() + "/members").then().statusCode(409);
    }

    @Test
    void aMemberCannotBeAddedTwice() {
        Tenant tenant = Fixtures.northwind();
        Api.asAdmin().body(Map.of("user_id", tenant.adminUserId(), "role", "viewer"))
                .post("/api/organizations/" + tenant.id() + "/members").then().statusCode(409);
    }

    @Test
    void withOneSeatLeftExactlyOneOfFiftySimultaneousAddsSucceeds() throws Exception {
        Tenant tenant = Fixtures.tenant("Contended", 2);
        List<Account> candidates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            candidates.add(Fixtures.clientAccount("racer-" + i + "-" + Fixtures.unique() + "@contended.test"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(25);
        try {
            List<Callable<Integer>> adds = candidates.stream().<Callable<Integer>> map(a -> () -> Api.asAdmin()
                    .body(Map.of("user_id", a.id(), "role", "learner"))
                    .post("/api/organizations/" + tenant.id() + "/members").statusCode()).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(adds)) {
                statuses.add(result.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 402).hasSize(49);
        } finally {
            pool.shutdownNow();
        }
        Api.asAdmin().get("/api/organizations/" + tenant.id()).then().body("seats_used", equalTo(2));
    }

    private static io.restassured.response.Response addUser(Tenant tenant, String name) {
        String username = name.contains("@") ? name : name + "-" + Fixtures.unique() + "@" + tenant.slug() + ".test";
        return tenant.asAdmin().body(Map.of("username", username, "password", "password123", "role", "user"))
                .post("/api/users/");
    }
}
