package io.tidewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.AuditTrail;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** Each organization reads its own audit log only: never another's entries, and selecting another org is 403. */
@QuarkusTest
class AuditCrossTenantTest {

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
        AuditLogApiTest.createUser(northwind, "nw-" + Fixtures.unique() + "@northwind.test");
        contosoUser = AuditLogApiTest.createUser(contoso, "co-" + Fixtures.unique() + "@contoso.test");
    }

    @Test
    void northwindAdminNeverSeesContosoEntries() {
        List<Map<String, Object>> entries = AuditTrail.entries(northwind.asAdmin(), Map.of());
        String csv = northwind.asAdmin().accept("text/csv").get("/api/audit.csv").asString();

        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.get("org_id")).isEqualTo((int) northwind.id()));
        assertThat(AuditTrail.about(entries, "account", contosoUser)).isEmpty();
        assertThat(AuditTrail.about(AuditTrail.entries(contoso.asAdmin(), Map.of()), "account", contosoUser)).hasSize(1);
        assertThat(csv.lines().skip(1)).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain("," + contoso.id() + ",member.add"));
    }

    @Test
    void selectingAnotherOrganizationIsForbidden() {
        for (String path : List.of("/api/audit", "/api/audit.csv", "/api/audit/verify")) {
            Api.as(northwind.adminKey(), contoso.id()).get(path).then().statusCode(403)
                    .body("message", equalTo("Forbidden"));
            Api.as(northwind.adminKey()).queryParam("org_id", contoso.id()).get(path).then().statusCode(403);
        }
    }

    @Test
    void msspStaffInBothOrganizationsReadsEachSeparately() {
        var staff = Fixtures.staffAccount("both-" + Fixtures.unique() + "@mssp.test");
        Fixtures.member(northwind.id(), staff.id(), "viewer");
        Fixtures.member(contoso.id(), staff.id(), "viewer");

        assertThat(AuditTrail.entries(Api.as(staff.apiKey(), contoso.id()), Map.of()))
                .allSatisfy(e -> assertThat(e.get("org_id")).isEqualTo((int) contoso.id()));
        assertThat(AuditTrail.entries(Api.as(staff.apiKey(), northwind.id()), Map.of()))
                .allSatisfy(e -> assertThat(e.get("org_id")).isEqualTo((int) northwind.id()));
    }
}
