package io.tidewatch.tenancy;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * JDBC on the connection Hibernate opened for the current tenant unit of work, inside its transaction: unqualified SQL
 * reaches the tenant's tables. Use it within {@link TenantWork} or a request's tenant context.
 */
@ApplicationScoped
public class TenantJdbc {

    private final EntityManager tenantUnit;

    TenantJdbc(EntityManager tenantUnit) {
        this.tenantUnit = tenantUnit;
    }

    /** Work on a JDBC connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs with the connection; must not close it. */
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on the tenant connection of the current unit of work. */
    public <T> T run(Work<T> work) {
        return tenantUnit.unwrap(Session.class).doReturningWork(work::run);
    }
}
