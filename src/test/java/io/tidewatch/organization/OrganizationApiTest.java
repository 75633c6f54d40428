package io.tidewatch.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The organizations API of SPEC §3: shapes, paths, validation and who may do what. */
@QuarkusTest
class OrganizationApiTest {

    private static Map<String, Object> northwindBody() {
        String suffix = Fixtures.unique();
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Northwind Trading");
        body.put("slug", "northwind-" + suffix);
        body.put("seat_cap", 250);
        body.put("support_url", "https://help.northwind.example.com");
        body.put("host", "northwind-" + suffix + ".sat.example-mssp.com");
        return body;
    }

    @Test
    void createsAnOrganizationAndListsIt() {
        Map<String, Object> body = northwindBody();
        long id = Api.asAdmin().body(body).post("/api/organizations/")
                .then().statusCode(201)
                .body("name", equalTo("Northwind Trading"))
                .body("slug", equalTo(body.get("slug")))
                .body("seat_cap", equalTo(250))
                .body("seats_used", equalTo(0))
                .body("support_url", equalTo("https://help.northwind.example.com"))
                .body("host", equalTo(body.get("host")))
                .body("created_at", not(nullValue()))
                .extract().jsonPath().getLong("id");

        Api.asAdmin().get("/api/organizations/").then().statusCode(200).body("id", hasItem((int) id));
        Api.asAdmin().get("/api/organizations").then().statusCode(200).body("id", hasItem((int) id));
        Api.asAdmin().get("/api/organizations/" + id).then().statusCode(200).body("slug", equalTo(body.get("slug")));
    }

    @Test
    void acceptsDoubleSlashesAndTrailingSlashesWithoutRedirecting() throws Exception {
        long id = Fixtures.organization(northwindBody());
        for (String path : List.of("//api//organizations//" + id + "/", "/api/organizations/" + id + "/",
                "/api//organizations//" + id)) {
            HttpResponse<String> response = rawGet(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"id\":" + id);
        }
    }

    @Test
    void rejectsEachInvalidFieldNamingIt() {
        assertRejected("name", "", "name");
        assertRejected("slug", "Has Spaces", "slug");
        assertRejected("slug", "-leading", "slug");
        assertRejected("seat_cap", -1, "seat_cap");
        assertRejected("support_url", "ftp://help.example.com", "support_url");
        assertRejected("support_url", "not a url", "support_url");
        assertRejected("host", "not_a_host!", "host");
        assertRejected("host", "localhost", "host");
    }

    @Test
    void rejectsAMissingSeatCap() {
        Map<String, Object> body = northwindBody();
        body.remove("seat_cap");
        Api.asAdmin().body(body).post("/api/organizations/").then().statusCode(400)
                .body("message", equalTo("seat_cap: is required")).body("success", equalTo(false));
    }

    @Test
    void rejectsASeatCapThatIsNotANumber() {
        Map<String, Object> body = northwindBody();
        body.put("seat_cap", "plenty");
        Api.asAdmin().body(body).post("/api/organizations/").then().statusCode(400).body("success", equalTo(false));
    }

    @Test
    void refusesDuplicateSlugsAndHostsWithConflict() {
        Map<String, Object> body = northwindBody();
        Fixtures.organization(body);

        Map<String, Object> sameSlug = northwindBody();
        sameSlug.put("slug", body.get("slug"));
        Api.asAdmin().body(sameSlug).post("/api/organizations/").then().statusCode(409)
                .body("message", equalTo("slug: an organization with this slug already exists"));

        Map<String, Object> sameHost = northwindBody();
        sameHost.put("host", ((String) body.get("host")).toUpperCase(java.util.Locale.ROOT));
        Api.asAdmin().body(sameHost).post("/api/organizations/").then().statusCode(409)
                .body("message", equalTo("host: an organization with this host already exists"));
    }

    @Test
    void updatesAnOrganization() {
        long id = Fixtures.organization(northwindBody());
        Map<String, Object> changed = northwindBody();
        changed.put("name", "Northwind Traders");
        changed.put("seat_cap", 10);
        Api.asAdmin().body(changed).put("/api/organizations/" + id).then().statusCode(200)
                .body("name", equalTo("Northwind Traders")).body("seat_cap", equalTo(10));
    }

    @Test
    void onlyMsspAdminsCreateChangeOrDeleteOrganizations() {
        Tenant tenant = Fixtures.northwind();
        Api.as(tenant.adminKey()).body(northwindBody()).post("/api/organizations/").then().statusCode(403)
                .body("message", equalTo("Forbidden"));
        Api.as(tenant.adminKey()).body(northwindBody()).put("/api/organizations/" + tenant.id()).then().statusCode(403);
        Api.as(tenant.adminKey()).delete("/api/organizations/" + tenant.id()).then().statusCode(403);
    }

    @Test
    void clientsSeeOnlyTheirOwnOrganization() {
        Tenant northwind = Fixtures.northwind();
        Tenant contoso = Fixtures.contoso();
        Api.as(northwind.adminKey()).get("/api/organizations/").then().statusCode(200)
                .body("id", equalTo(List.of((int) northwind.id())));
        Api.as(northwind.adminKey()).get("/api/organizations/" + contoso.id()).then().statusCode(403);
        Api.as(northwind.adminKey()).get("/api/organizations/" + contoso.id() + "/members").then().statusCode(403);
    }

    @Test
    void theCreatorBecomesAdminWithoutTakingASeat() {
        long id = Fixtures.organization(northwindBody());
        Api.asAdmin().get("/api/organizations/" + id + "/members").then().statusCode(200)
                .body("username", equalTo(List.of("admin")))
                .body("role", equalTo(List.of("admin")))
                .body("takes_seat", equalTo(List.of(false)));
        Api.asAdmin().get("/api/organizations/" + id).then().body("seats_used", equalTo(0));
    }

    @Test
    void unknownOrganizationIsNotFoundForTheMsspAdmin() {
        Api.asAdmin().get("/api/organizations/987654321").then().statusCode(404)
                .body("message", equalTo("Organization not found"));
    }

    /** Sends the path exactly as written (REST Assured would encode the doubled slashes). */
    private static HttpResponse<String> rawGet(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Api.ADMIN_KEY).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRejected(String field, Object value, String named) {
        Map<String, Object> body = northwindBody();
        body.put(field, value);
        Api.asAdmin().body(body).post("/api/organizations/").then().statusCode(400)
                .body("success", equalTo(false))
                .body("data", nullValue())
                .body("message", org.hamcrest.Matchers.startsWith(named + ":"));
    }
}
