package io.tidewatch.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.tenancy.internal.TenantIdentity;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * Pooled connections never carry one tenant's schema into another unit of work or into a control query: tenants
 * holding rows with the same ids, read in interleaved and concurrent units of work, each see only their own.
 */
@QuarkusTest
class SchemaIsolationTest {

    @Inject
    TenantWork work;

    @Inject
    EntityManager tenantData;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tenantsWithTheSameIdsSeeOnlyTheirOwnRows() throws Exception {
        Tenant a = Fixtures.northwind();
        Tenant b = Fixtures.contoso();
        assertThat(onWorker(() -> owner(a.id()))).isEqualTo(a.id());
        assertThat(onWorker(() -> owner(b.id()))).isEqualTo(b.id());
    }

    @Test
    void interleavedTenantAndControlWorkNeverSeesTheWrongSchema() throws Exception {
        Tenant a = Fixtures.northwind();
        Tenant b = Fixtures.contoso();
        onWorker(() -> {
            for (int i = 0; i < 100; i++) {
                assertThat(owner(a.id())).isEqualTo(a.id());
                assertThat(unqualifiedTenantQueryFails()).as("a returned connection is parked on no tenant").isTrue();
                Api.asAdmin().get("/api/organizations/" + b.id()).then().statusCode(200);
                assertThat(owner(b.id())).isEqualTo(b.id());
                assertThat(controlCount()).isPositive();
            }
            return null;
        });
    }

    @Test
    void concurrentUnitsOfWorkForDifferentTenantsStayApart() throws Exception {
        Tenant a = Fixtures.northwind();
        Tenant b = Fixtures.contoso();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                long org = i % 2 == 0 ? a.id() : b.id();
                tasks.add(() -> owner(org) == org);
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workWithoutATenantFailsClosed() {
        Fixtures.northwind();
        assertThatThrownBy(() -> onWorker(() -> QuarkusTransaction.requiringNew()
                .call(() -> tenantData.find(TenantIdentity.class, 1)))).isInstanceOf(ExecutionException.class);
    }

    @Test
    void aRequestWithoutATenantFindsNoTenantTables() {
        Fixtures.northwind();
        assertThatThrownBy(() -> onWorker(() -> {
            ManagedContext request = Arc.container().requestContext();
            request.activate();
            try {
                return QuarkusTransaction.requiringNew().call(() -> tenantData.find(TenantIdentity.class, 1));
            } finally {
                request.terminate();
            }
        })).hasRootCauseInstanceOf(SQLException.class);
    }

    @Test
    void theTenantOfAUnitOfWorkCannotChange() {
        TenantContext context = new TenantContext();
        context.enter(7);
        assertThatThrownBy(() -> context.enter(8)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyWellFormedSchemaNamesReachAConnection() {
        assertThat(TenantSchemas.of(42)).isEqualTo("tenant_42");
        assertThatThrownBy(() -> TenantSchemas.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantSchemas.requireSafe("tenant_1; DROP SCHEMA x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TenantSchemas.requireSafe("public")).isInstanceOf(IllegalArgumentException.class);
    }

    private long owner(long orgId) {
        return work.call(orgId, () -> tenantData.find(TenantIdentity.class, 1).orgId);
    }

    private boolean unqualifiedTenantQueryFails() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT org_id FROM tenant_identity")) {
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    private long controlCount() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM tidewatch_control.organization")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T onWorker(Callable<T> task) throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            return single.submit(task).get();
        } finally {
            single.shutdownNow();
        }
    }
}
