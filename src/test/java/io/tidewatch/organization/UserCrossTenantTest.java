package io.tidewatch.organization;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.CrossTenant;
import io.tidewatch.testing.CrossTenant.Probe;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** Gophish's {@code /api/users/{id}} never reaches a member of another organization. */
@QuarkusTest
class UserCrossTenantTest {

    static Tenant northwind;
    static Tenant contoso;
    static long contosoUser;

    @BeforeEach
    void twoTenants() {
        if (northwind != null) {
            return;
        }
        northwind = Fixtures.northwind();
        contoso = Fixtures.contoso();
        contosoUser = contoso.asAdmin()
                .body(Map.of("username", "alice-" + Fixtures.unique() + "@contoso.test", "password", "password123", "role",
                        "user"))
                .post("/api/users/").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    @Test
    void readingAnotherTenantsUserIsNotFound() {
        CrossTenant.assertIsolated(northwind, contoso, contosoUser, Probe.of("GET", "/api/users/{id}", null, contoso,
                contosoUser));
    }

    @Test
    void changingAnotherTenantsUserIsNotFound() {
        CrossTenant.assertIsolated(northwind, contoso, contosoUser, Probe.of("PUT", "/api/users/{id}",
                Map.of("username", "mallory@evil.test", "role", "admin"), contoso, contosoUser));
    }

    @Test
    void deletingAnotherTenantsUserIsNotFound() {
        CrossTenant.assertIsolated(northwind, contoso, contosoUser, Probe.of("DELETE", "/api/users/{id}", null, contoso,
                contosoUser));
    }
}
