package io.tidewatch.testing;

import static org.hamcrest.Matchers.notNullValue;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Named builders for test data, made through the public API so every test starts from what a user could do. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A unique suffix, so tests never collide and can re-run against a database that kept older data. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** A new organization with the given seat cap, and a client org admin (who takes one seat). */
    public static Tenant tenant(String name, int seatCap) {
        String suffix = unique();
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + suffix;
        String host = slug + ".sat.example-mssp.test";
        long id = organization(Map.of("name", name, "slug", slug, "seat_cap", seatCap, "host", host));
        Account admin = clientAccount("admin-" + suffix + "@" + slug + ".test");
        member(id, admin.id(), "admin");
        return new Tenant(id, slug, host, admin.id(), admin.apiKey());
    }

    /** Northwind Trading as in the seed, with a unique slug and host. */
    public static Tenant northwind() {
        return tenant("Northwind Trading", 250);
    }

    /** A second, unrelated tenant. */
    public static Tenant contoso() {
        return tenant("Contoso", 250);
    }

    /** Creates an organization as the MSSP admin and returns its id. */
    public static long organization(Map<String, Object> body) {
        return Api.asAdmin().body(body).post("/api/organizations/")
                .then().statusCode(201).body("id", notNullValue())
                .extract().jsonPath().getLong("id");
    }

    /** An account created by the MSSP admin, with its API key. */
    public record Account(long id, String username, String apiKey) {
    }

    /** A client account (not yet a member of anything). */
    public static Account clientAccount(String username) {
        return account(username, "client");
    }

    /** An MSSP staff account. */
    public static Account staffAccount(String username) {
        return account(username, "mssp_staff");
    }

    /** An account of the given platform role. */
    public static Account account(String username, String platformRole) {
        var json = Api.asAdmin()
                .body(Map.of("username", username, "password", "correct-horse-battery", "platform_role", platformRole))
                .post("/api/accounts").then().statusCode(201).extract().jsonPath();
        return new Account(json.getLong("id"), json.getString("username"), json.getString("api_key"));
    }

    /** Adds the account to the organization with the role, as the MSSP admin. */
    public static void member(long orgId, long accountId, String role) {
        Api.asAdmin().body(Map.of("user_id", accountId, "role", role))
                .post("/api/organizations/" + orgId + "/members").then().statusCode(201);
    }
}
