package io.tidewatch.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.logging.Log;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * The pool-level guard: every connection returning to the pool is parked on the empty sentinel schema, whoever
 * borrowed it (Hibernate, Flyway, plain JDBC), so the next borrower never inherits a tenant's schema.
 */
@ApplicationScoped
class ConnectionSchemaReset implements AgroalPoolInterceptor {

    @Override
    public void onConnectionReturn(Connection connection) {
        try {
            connection.setSchema(TenantSchemas.NONE);
        } catch (SQLException e) {
            // Before the control migration has created the sentinel schema (first start on H2) this fails harmlessly:
            // every tenant unit of work sets its own schema on borrowing, and control SQL is schema-qualified.
            Log.debugf("Could not park a pooled connection on the sentinel schema: %s", e.getMessage());
        }
    }
}
