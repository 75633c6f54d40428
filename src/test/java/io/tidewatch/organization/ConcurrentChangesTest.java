package io.tidewatch.organization;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Simultaneous requests that race for one outcome get exactly one winner and clean refusals, never a 500. */
@QuarkusTest
class ConcurrentChangesTest {

    @Test
    void twentyCreationsOfTheSameSlugMakeOneOrganization() throws Exception {
        String slug = "race-" + Fixtures.unique();
        List<Integer> statuses = all(20, i -> Api.asAdmin()
                .body(Map.of("name", "Race", "slug", slug, "seat_cap", 1, "host", slug + "-" + i + ".example.test"))
                .post("/api/organizations/").statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(409);
    }

    @Test
    void twentyAccountsWithTheSameUsernameMakeOne() throws Exception {
        String username = "twin-" + Fixtures.unique() + "@mssp.test";
        List<Integer> statuses = all(20, i -> Api.asAdmin()
                .body(Map.of("username", username, "password", "password123", "platform_role", "mssp_staff"))
                .post("/api/accounts").statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).containsOnly(400);
    }

    @Test
    void simultaneousDeletesOfOneOrganizationDeleteItOnce() throws Exception {
        Tenant tenant = Fixtures.northwind();
        List<Integer> statuses = all(4, i -> Api.asAdmin().delete("/api/organizations/" + tenant.id()).statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(404);
    }

    @Test
    void twoAdminsStandingDownAtOnceLeaveOneAdmin() throws Exception {
        Tenant tenant = Fixtures.northwind();
        Api.asAdmin().delete("/api/organizations/" + tenant.id() + "/members/1").then().statusCode(200);
        Account second = Fixtures.clientAccount("second-" + Fixtures.unique() + "@n.test");
        Fixtures.member(tenant.id(), second.id(), "admin");
        List<Long> admins = List.of(tenant.adminUserId(), second.id());
        List<Integer> statuses = all(2, i -> Api.asAdmin().body(Map.of("role", "viewer"))
                .put("/api/organizations/" + tenant.id() + "/members/" + admins.get(i)).statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 400);
    }

    @Test
    void simultaneousResetsWithOneKeyRotateItOnce() throws Exception {
        Account account = Fixtures.staffAccount("resetter-" + Fixtures.unique() + "@mssp.test");
        List<Integer> statuses = all(6, i -> Api.as(account.apiKey()).post("/api/reset").statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).containsOnly(401);
    }

    private interface Call {
        int status(int index);
    }

    private static List<Integer> all(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                tasks.add(() -> call.status(index));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                statuses.add(result.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
