package io.tidewatch.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.tenancy.TenantMigrator;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** Offboarding: a full export is stored first, then the schema is dropped and the organization is gone. */
@QuarkusTest
class OrganizationDeletionTest {

    @Inject
    TenantMigrator migrator;

    @Test
    void deletingStoresAnExportThenDropsTheSchema() throws IOException {
        Tenant tenant = Fixtures.northwind();
        assertThat(migrator.exists(tenant.id())).isTrue();

        long exportId = Api.asAdmin().delete("/api/organizations/" + tenant.id()).then().statusCode(200)
                .body("success", equalTo(true))
                .extract().jsonPath().getLong("data.export_id");

        assertThat(migrator.exists(tenant.id())).isFalse();
        Api.asAdmin().get("/api/organizations/" + tenant.id()).then().statusCode(404);
        Api.asAdmin().get("/api/organizations/").then().body("id", not(hasItem((int) tenant.id())));
        tenant.asAdmin().get("/api/users/").then().statusCode(401);

        byte[] zip = Api.asAdmin().accept("application/zip").get("/api/organizations/exports/" + exportId)
                .then().statusCode(200).extract().asByteArray();
        Map<String, String> files = unzip(zip);
        assertThat(files).containsKeys("tenant/tenant_identity.json", "tenant/tenant_identity.csv",
                "tenant/audit_entry.json", "tenant/audit_entry.csv", "control/organization.json",
                "control/membership.csv", "control/seat.json");
        assertThat(files.get("control/organization.json")).contains(tenant.slug());
        assertThat(files.get("tenant/audit_entry.csv")).contains("member.add");
        assertThat(files.get("control/membership.csv")).contains(tenant.adminUserId() + ",");
        assertThat(files.get("tenant/campaign.csv")).as("an empty table keeps its header")
                .startsWith("id,name,status,url,").endsWith("\r\n");
        assertThat(files.get("tenant/campaign.json").strip()).isEqualTo("[ ]");
        assertThat(files.get("control/organization.csv")).as("points in time in RFC 3339, in UTC")
                .containsPattern(",\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
        assertThat(files.get("control/organization.json")).containsPattern("\"created_at\" : \"\\d{4}-[^\"]+Z\"");
    }

    @Test
    void anExportsCsvLeavesNumbersAloneAndNeutralisesTextThatLooksLikeAFormula() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("checksum", -1624969312);
        row.put("name", "-1");

        String csv = OrganizationExporter.csv(new OrganizationExporter.Table(List.of("checksum", "name"), List.of(row)));

        assertThat(csv).isEqualTo("checksum,name\r\n-1624969312,'-1\r\n");
    }

    @Test
    void deletingAnUnknownOrganizationIsNotFound() {
        Api.asAdmin().delete("/api/organizations/987654321").then().statusCode(404);
    }

    @Test
    void aDeletedOrganizationsSlugCanBeUsedAgain() {
        Tenant tenant = Fixtures.northwind();
        Api.asAdmin().delete("/api/organizations/" + tenant.id()).then().statusCode(200);
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Northwind again");
        body.put("slug", tenant.slug());
        body.put("seat_cap", 5);
        Api.asAdmin().body(body).post("/api/organizations/").then().statusCode(201);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
