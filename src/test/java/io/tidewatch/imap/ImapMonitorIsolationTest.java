package io.tidewatch.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.Flags;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tidewatch.campaign.TestMaterials;
import io.tidewatch.imap.MonitorHarness.Sent;
import io.tidewatch.imap.internal.ImapLeases;
import io.tidewatch.tenancy.TenantSchemas;
import io.tidewatch.tenancy.TenantWork;
import io.tidewatch.testing.AuditRows;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;

/**
 * The IMAP monitor across organizations and replicas: a mailbox marks only its own organization's recipients, one
 * failing server leaves the others alone, a mailbox is polled by one replica at a time, and TLS is honoured.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ImapMonitorIsolationTest {

    @Inject
    TestMaterials materials;

    @Inject
    ImapMonitor monitor;

    @Inject
    ImapLeases leases;

    @Inject
    TenantWork tenantWork;

    @Inject
    AgroalDataSource dataSource;

    @GreenMailResource.Inject
    GreenMail greenMail;

    private MonitorHarness harness;

    @BeforeEach
    void setUp() {
        harness = new MonitorHarness(greenMail, materials, monitor);
    }

    @Test
    void aMailboxMarksOnlyRecipientsOfItsOwnOrganization() throws Exception {
        Tenant northwind = Fixtures.northwind();
        Tenant contoso = Fixtures.contoso();
        String northwindBox = harness.mailbox(northwind, Map.of());
        String contosoBox = harness.mailbox(contoso, Map.of());
        Sent own = harness.campaign(northwind, 2);
        Sent foreign = harness.campaign(contoso, 1);
        harness.deliver(northwindBox, ReportMails.attached("ana@" + northwind.slug() + ".test", northwindBox,
                foreign.messages().get(0)));
        harness.deliver(northwindBox, ReportMails.inline("bob@" + northwind.slug() + ".test", northwindBox,
                "Two of these: http://phish.example.test/login?rid=" + foreign.rids().get(0)
                        + " and http://phish.example.test/login?rid=" + own.rids().get(0)));

        harness.poll();

        JsonPath contosoResults = MonitorHarness.results(foreign);
        assertThat(contosoResults.getBoolean("results[0].reported")).isFalse();
        assertThat(contosoResults.getList("timeline.message")).doesNotContain("Email Reported");
        JsonPath northwindResults = MonitorHarness.results(own);
        assertThat(northwindResults.getBoolean("results[0].reported")).isTrue();
        assertThat(northwindResults.getBoolean("results[1].reported")).isFalse();
        assertThat(MonitorHarness.timeline(own, 0)).containsExactly("Email Sent", "Email Reported");
        assertThat(harness.flags(northwindBox)).hasSize(2).allMatch(f -> f.contains(Flags.Flag.SEEN));
        assertThat(harness.flags(contosoBox)).isEmpty();
    }

    @Test
    void aFailingServerLeavesTheOtherMailboxesAlone() throws Exception {
        Tenant unreachable = Fixtures.northwind();
        Tenant refused = Fixtures.northwind();
        Tenant healthy = Fixtures.contoso();
        harness.mailbox(unreachable, Map.of("port", Integer.toString(closedPort())));
        harness.mailbox(refused, Map.of("password", "not-the-password"));
        String box = harness.mailbox(healthy, Map.of());
        Sent sent = harness.campaign(healthy, 1);
        harness.deliver(box, ReportMails.attached("ana@" + healthy.slug() + ".test", box, sent.messages().get(0)));

        harness.poll();

        assertThat(MonitorHarness.results(sent).getBoolean("results[0].reported")).isTrue();
        for (Tenant failing : List.of(unreachable, refused)) {
            failing.asAdmin().get("/api/imap/").then().body("[0].last_login", equalTo("0001-01-01T00:00:00Z"));
            assertThat(AuditRows.column(dataSource, failing.id(), "imap_setting", "lease_owner", 1)).isNull();
            assertThat(AuditRows.column(dataSource, failing.id(), "imap_setting", "next_poll", 1)).isNotNull();
        }
        healthy.asAdmin().get("/api/imap/").then().body("[0].last_login", not(equalTo("0001-01-01T00:00:00Z")));
    }

    @Test
    void aMailboxIsClaimedByOneReplicaAtATime() throws Exception {
        Tenant tenant = Fixtures.northwind();
        harness.mailbox(tenant, Map.of());
        Instant now = MonitorHarness.nextPass();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String owner = "replica-" + i;
                Callable<Boolean> claim = () -> {
                    start.await();
                    return tenantWork.call(tenant.id(), () -> leases.claim(owner, now, Duration.ofMinutes(5)))
                            .isPresent();
                };
                claims.add(replicas.submit(claim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
            Callable<Boolean> later = () -> tenantWork.call(tenant.id(),
                    () -> leases.claim("replica-9", now.plus(Duration.ofMinutes(2)), Duration.ofMinutes(5)).isPresent());
            assertThat(replicas.submit(later).get()).as("claimable before the lease runs out").isFalse();
        } finally {
            replicas.shutdownNow();
        }
        assertThat(AuditRows.column(dataSource, tenant.id(), "imap_setting", "lease_owner", 1)).startsWith("replica-");
    }

    @Test
    void waitsForAnotherReplicasLeaseAndTakesOverWhenItRunsOut() throws Exception {
        Tenant tenant = Fixtures.northwind();
        String box = harness.mailbox(tenant, Map.of());
        Sent sent = harness.campaign(tenant, 1);
        harness.deliver(box, ReportMails.attached("ana@" + tenant.slug() + ".test", box, sent.messages().get(0)));
        lease(tenant, "another-replica", MonitorHarness.nextPass().plus(Duration.ofMinutes(30)));

        harness.poll();

        assertThat(MonitorHarness.results(sent).getBoolean("results[0].reported")).isFalse();
        assertThat(harness.flags(box)).hasSize(1).noneMatch(f -> f.contains(Flags.Flag.SEEN));

        lease(tenant, "another-replica", MonitorHarness.nextPass().minus(Duration.ofMinutes(1)));
        harness.poll();

        assertThat(MonitorHarness.results(sent).getBoolean("results[0].reported")).isTrue();
        assertThat(AuditRows.column(dataSource, tenant.id(), "imap_setting", "lease_owner", 1)).isNull();
    }

    @Test
    void readsOverTlsAndChecksTheCertificateUnlessToldNotTo() throws Exception {
        ServerSetup imaps = new ServerSetup(closedPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAPS);
        GreenMail tlsServer = new GreenMail(imaps);
        tlsServer.start();
        try {
            Tenant trusting = Fixtures.northwind();
            Tenant checking = Fixtures.northwind();
            String trustingBox = tlsMailbox(tlsServer, trusting, true);
            String checkingBox = tlsMailbox(tlsServer, checking, false);
            Sent trustingSent = harness.campaign(trusting, 1);
            Sent checkingSent = harness.campaign(checking, 1);
            tlsServer.getUserManager().getUserByEmail(trustingBox).deliver(ReportMails.reparsed(
                    ReportMails.attached("ana@x.test", trustingBox, trustingSent.messages().get(0))));
            tlsServer.getUserManager().getUserByEmail(checkingBox).deliver(ReportMails.reparsed(
                    ReportMails.attached("ana@x.test", checkingBox, checkingSent.messages().get(0))));

            harness.poll();

            assertThat(MonitorHarness.results(trustingSent).getBoolean("results[0].reported")).isTrue();
            assertThat(MonitorHarness.results(checkingSent).getBoolean("results[0].reported")).isFalse();
            checking.asAdmin().get("/api/imap/").then().body("[0].last_login", equalTo("0001-01-01T00:00:00Z"));
        } finally {
            tlsServer.stop();
        }
    }

    private String tlsMailbox(GreenMail server, Tenant tenant, boolean ignoreCertErrors) {
        String address = "tls-" + Fixtures.unique() + "@" + tenant.slug() + ".test";
        server.setUser(address, address, "tls-pass");
        tenant.asAdmin().body(Map.of("enabled", true, "host", "127.0.0.1", "port",
                Integer.toString(server.getImaps().getPort()), "username", address, "password", "tls-pass", "tls", true,
                "ignore_cert_errors", ignoreCertErrors, "imap_freq", "30")).post("/api/imap/").then().statusCode(201);
        return address;
    }

    private void lease(Tenant tenant, String owner, Instant until) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("UPDATE " + TenantSchemas.of(tenant.id())
                        + ".imap_setting SET lease_owner = ?, lease_until = ?, next_poll = NULL WHERE id = 1")) {
            update.setString(1, owner);
            update.setObject(2, until.atOffset(ZoneOffset.UTC));
            update.executeUpdate();
        }
    }

    /** A port of 127.0.0.1 that nothing listens on (free a moment ago). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
