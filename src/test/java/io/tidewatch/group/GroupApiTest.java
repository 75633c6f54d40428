package io.tidewatch.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** {@code /api/groups/}: Gophish's shapes and messages; recipients take seats and free them. */
@QuarkusTest
class GroupApiTest {

    private static final Logger LOG = Logger.getLogger(GroupApiTest.class);

    @Inject
    AgroalDataSource dataSource;

    static Map<String, Object> target(String email, String first) {
        return Map.of("email", email, "first_name", first, "last_name", "Doe", "position", "Staff");
    }

    static long seatsUsed(Tenant tenant) {
        return Api.asAdmin().get("/api/organizations/" + tenant.id()).then().statusCode(200).extract().jsonPath()
                .getLong("seats_used");
    }

    @Test
    void createsGroupsAsThePythonClientDoesAndDeduplicatesCaseInsensitively() {
        Tenant tenant = Fixtures.tenant("Groups", 50);
        long id = tenant.asAdmin().body(Map.of("name", "Finance", "modified_date", "2026-12-04T15:34:47.868104+00:00",
                "targets", List.of(target("Ann@Corp.example", "Ann"), target("ann@corp.example", "Again"),
                        Map.of("email", "\"Doe, Bob\" <bob@corp.example>"))))
                .post("/api/groups/")
                .then().statusCode(201)
                .body("targets", hasSize(2))
                .body("targets[0].email", equalTo("Ann@Corp.example"))
                .body("targets[0].first_name", equalTo("Ann"))
                .body("targets[1].email", equalTo("bob@corp.example"))
                .body("targets[1].position", equalTo(""))
                .body("modified_date", notNullValue())
                .extract().jsonPath().getLong("id");
        assertThat(seatsUsed(tenant)).isEqualTo(3);
        tenant.asAdmin().get("/api/groups/summary").then().statusCode(200)
                .body("total", equalTo(1)).body("groups[0].num_targets", equalTo(2));
        tenant.asAdmin().get("/api/groups/" + id + "/summary").then().statusCode(200)
                .body("name", equalTo("Finance")).body("num_targets", equalTo(2));

        tenant.asAdmin().body(Map.of("id", id, "name", "Finance EU", "targets", List.of(target("carl@corp.example", "C"))))
                .put("/api/groups/" + id).then().statusCode(200).body("targets", hasSize(1));
        assertThat(seatsUsed(tenant)).isEqualTo(2);
        tenant.asAdmin().urlEncodingEnabled(false).delete("/api/groups//" + id).then().statusCode(200)
                .body("message", equalTo("Group deleted successfully!"));
        assertThat(seatsUsed(tenant)).isEqualTo(1);
        tenant.asAdmin().get("/api/groups/" + id).then().statusCode(404).body("message", equalTo("Group not found"));
        tenant.asAdmin().get("/api/groups/summary").then().body("total", equalTo(0)).body("groups", hasSize(0));
        assertThat(AuditRows.count(dataSource, tenant.id(), "group.create", id)).isEqualTo(1);
        assertThat(AuditRows.count(dataSource, tenant.id(), "group.update", id)).isEqualTo(1);
        assertThat(AuditRows.count(dataSource, tenant.id(), "group.delete", id)).isEqualTo(1);
    }

    @Test
    void parallelDeletesOfOneGroupDeleteItOnceAndNeverFail() throws Exception {
        Tenant tenant = Fixtures.tenant("Parallel deletes", 50);
        long seatsBefore = seatsUsed(tenant);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 5; round++) {
                long id = tenant.asAdmin().body(Map.of("name", "Doomed " + round, "targets",
                        List.of(target("doomed" + round + "@corp.example", "D")))).post("/api/groups/").then()
                        .statusCode(201).extract().jsonPath().getLong("id");
                List<Future<Integer>> deletes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    deletes.add(clients.submit(() -> tenant.asAdmin().delete("/api/groups/" + id).statusCode()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> delete : deletes) {
                    statuses.add(delete.get(30, TimeUnit.SECONDS));
                }
                assertThat(statuses).as("round %d", round).isSubsetOf(200, 404, 409)
                        .filteredOn(status -> status == 200).hasSize(1);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(seatsUsed(tenant)).isEqualTo(seatsBefore);
    }

    @Test
    void keepsTheSeatWhileAnotherGroupHoldsTheAddress() {
        Tenant tenant = Fixtures.tenant("Shared", 50);
        long a = tenant.asAdmin().body(Map.of("name", "A", "targets", List.of(target("x@corp.example", "X"))))
                .post("/api/groups/").then().statusCode(201).extract().jsonPath().getLong("id");
        tenant.asAdmin().body(Map.of("name", "B", "targets", List.of(target("X@CORP.example", "X"))))
                .post("/api/groups/").then().statusCode(201);
        assertThat(seatsUsed(tenant)).isEqualTo(2);
        tenant.asAdmin().delete("/api/groups/" + a).then().statusCode(200);
        assertThat(seatsUsed(tenant)).isEqualTo(2);
    }

    @Test
    void refusesRecipientsOverTheSeatCapAndWritesNothing() {
        Tenant tenant = Fixtures.tenant("Capped", 3);
        tenant.asAdmin().body(Map.of("name", "Big", "targets", List.of(target("a@c.example", "A"),
                target("b@c.example", "B"), target("c@c.example", "C")))).post("/api/groups/")
                .then().statusCode(402)
                .body("message", containsString("Seat cap of 3 would be exceeded: 1 of 3 seats are in use"));
        tenant.asAdmin().get("/api/groups/").then().statusCode(200).body("", hasSize(0));
        assertThat(seatsUsed(tenant)).isEqualTo(1);
        long id = tenant.asAdmin().body(Map.of("name", "Small", "targets", List.of(target("a@c.example", "A"),
                target("b@c.example", "B")))).post("/api/groups/").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        tenant.asAdmin().body(Map.of("name", "Small", "targets", List.of(target("a@c.example", "A"),
                target("b@c.example", "B"), target("d@c.example", "D")))).put("/api/groups/" + id).then()
                .statusCode(402);
        tenant.asAdmin().get("/api/groups/" + id).then().body("targets", hasSize(2));
        assertThat(seatsUsed(tenant)).isEqualTo(3);
        tenant.asAdmin().body(Map.of("name", "Small", "targets", List.of(target("a@c.example", "A"),
                target("d@c.example", "D")))).put("/api/groups/" + id).then().statusCode(200);
        assertThat(seatsUsed(tenant)).isEqualTo(3);
    }

    @Test
    void takesSeatsForAGroupLargerThanOneStatementCanBindAndFreesThemAgain() {
        int size = 33_000;
        Tenant tenant = Fixtures.tenant("Large", size + 10);
        List<Map<String, Object>> targets = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            targets.add(target("person" + i + "@large.example", "P" + i));
        }
        RestAssuredConfig patient = RestAssured.config()
                .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 180_000));
        Response created = tenant.asAdmin().config(patient).body(Map.of("name", "Everyone", "targets", targets))
                .post("/api/groups/");
        created.then().statusCode(201);
        LOG.infof("33,000-recipient group created in %d ms", created.time());
        assertThat(seatsUsed(tenant)).isEqualTo(size + 1);
        Response again = tenant.asAdmin().config(patient).body(Map.of("name", "Again", "targets", targets))
                .post("/api/groups/");
        again.then().statusCode(201);
        LOG.infof("the same 33,000 in a second group in %d ms", again.time());
        assertThat(seatsUsed(tenant)).isEqualTo(size + 1);
        Response deleted = tenant.asAdmin().config(patient).delete("/api/groups/" + created.jsonPath().getLong("id"));
        deleted.then().statusCode(200);
        LOG.infof("a 33,000-recipient group deleted in %d ms", deleted.time());
        assertThat(seatsUsed(tenant)).isEqualTo(size + 1);
        Response emptied = tenant.asAdmin().config(patient)
                .body(Map.of("name", "Again", "targets", List.of(target("last@large.example", "L"))))
                .put("/api/groups/" + again.jsonPath().getLong("id"));
        emptied.then().statusCode(200);
        LOG.infof("a 33,000-recipient group cut to one in %d ms", emptied.time());
        assertThat(seatsUsed(tenant)).isEqualTo(2);
    }

    @Test
    void answersGophishsValidationMessages() {
        Tenant tenant = Fixtures.tenant("Validation", 10);
        tenant.asAdmin().body(Map.of("targets", List.of(target("a@c.example", "A")))).post("/api/groups/").then()
                .statusCode(400).body("message", equalTo("Group name not specified"));
        tenant.asAdmin().body(Map.of("name", "Empty", "targets", List.of())).post("/api/groups/").then()
                .statusCode(400).body("message", equalTo("No targets specified"));
        tenant.asAdmin().body(Map.of("name", "Bad", "targets", List.of(Map.of("email", "nobody")))).post("/api/groups/")
                .then().statusCode(400).body("message", equalTo("mail: missing '@' or angle-addr"));
        tenant.asAdmin().body(Map.of("name", "Bad", "targets", List.of(Map.of("first_name", "x")))).post("/api/groups/")
                .then().statusCode(400).body("message", equalTo("mail: no address"));
        tenant.asAdmin().body("{\"name\":").post("/api/groups/").then().statusCode(400)
                .body("message", equalTo("Invalid JSON structure"));
        long id = tenant.asAdmin().body(Map.of("name", "One", "targets", List.of(target("a@c.example", "A"))))
                .post("/api/groups/").then().statusCode(201).extract().jsonPath().getLong("id");
        tenant.asAdmin().body(Map.of("name", "One", "targets", List.of(target("a@c.example", "A")))).post("/api/groups/")
                .then().statusCode(409).body("message", equalTo("Group name already in use"));
        tenant.asAdmin().body(Map.of("id", id + 1, "name", "One", "targets", List.of(target("a@c.example", "A"))))
                .put("/api/groups/" + id).then().statusCode(400)
                .body("message", equalTo("Error: /:id and group_id mismatch"));
        assertThat(seatsUsed(tenant)).isEqualTo(2);
    }

    @Test
    void admitsExactlyOneOfManyConcurrentGroupsForTheLastSeat() throws Exception {
        Tenant tenant = Fixtures.tenant("Race", 2);
        int attempts = 8;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String email = "racer" + i + "@race.example";
                String name = "Racer " + i;
                results.add(pool.submit(() -> tenant.asAdmin()
                        .body(Map.of("name", name, "targets", List.of(target(email, "R")))).post("/api/groups/")
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsOnly(201, 402);
            assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(seatsUsed(tenant)).isEqualTo(2);
        tenant.asAdmin().get("/api/groups/").then().body("", hasSize(1));
    }
}
