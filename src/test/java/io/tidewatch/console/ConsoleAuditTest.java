package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/** The audit log page: filters, errors beside the filter, paging, and the CSV export of what the filters match. */
@QuarkusTest
class ConsoleAuditTest {

    @Test
    void filtersByActionAndExportsTheMatchAsCsv() {
        Tenant tenant = Fixtures.tenant("Trey Research", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String audit = "/console/orgs/" + tenant.id() + "/audit";
        Response members = admin.get(audit + "?action=member");
        assertThat(members.statusCode()).isEqualTo(200);
        assertThat(members.asString()).contains("member.add").doesNotContain("<code>organization.create</code>")
                .contains("href=\"" + audit + ".csv?action=member\"");

        Response csv = admin.get(audit + ".csv?action=member");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("audit-log-org-" + tenant.id() + ".csv");
        assertThat(csv.asString()).startsWith("id,time,actor_id").contains(",member.add,")
                .doesNotContain("organization.create");
    }

    @Test
    void aBadFilterIsShownBesideItsField() {
        Tenant tenant = Fixtures.tenant("Graphic Design", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        Response bad = admin.get("/console/orgs/" + tenant.id() + "/audit?since=yesterday&action=member");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.asString()).contains("id=\"since-error\"").contains("value=\"yesterday\"")
                .contains("value=\"member\"");
    }

    @Test
    void datesFilterWholeDaysInUtc() {
        Tenant tenant = Fixtures.tenant("Nod Publishers", 10);
        ConsoleSession admin = ConsolePagesTest.clientAdmin(tenant);
        String audit = "/console/orgs/" + tenant.id() + "/audit";
        assertThat(admin.get(audit + "?since=2000-01-01&until=2000-01-02").asString()).contains("No entries match");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(admin.get(audit + "?since=" + today + "&until=" + today).asString()).contains("member.add");
    }
}
