package io.tidewatch.tenancy.internal;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * Hands the tenant persistence unit connections switched to the tenant's schema, and parks each connection on the
 * empty sentinel schema when Hibernate gives it back, so no schema outlives its unit of work.
 */
@PersistenceUnitExtension
@ApplicationScoped
class SchemaConnectionResolver implements TenantConnectionResolver {

    private final AgroalDataSource dataSource;

    SchemaConnectionResolver(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ConnectionProvider resolve(String tenantId) {
        return new SchemaConnectionProvider(dataSource, TenantSchemas.requireSafe(tenantId));
    }

    /** One provider per schema; stateless apart from the schema name. */
    static final class SchemaConnectionProvider implements ConnectionProvider {

        private static final long serialVersionUID = 1L;

        private final transient AgroalDataSource dataSource;
        private final String schema;

        SchemaConnectionProvider(AgroalDataSource dataSource, String schema) {
            this.dataSource = dataSource;
            this.schema = schema;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = dataSource.getConnection();
            try {
                connection.setSchema(schema);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            try {
                // After a rollback the pool may already have closed this handle; the pool's own reset parks it then.
                if (!connection.isClosed()) {
                    connection.setSchema(TenantSchemas.NONE);
                }
            } finally {
                connection.close();
            }
        }

        @Override
        public boolean supportsAggressiveRelease() {
            return false;
        }

        @Override
        public boolean isUnwrappableAs(Class<?> type) {
            return type.isInstance(dataSource);
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            if (type.isInstance(dataSource)) {
                return type.cast(dataSource);
            }
            throw new IllegalArgumentException("cannot unwrap to " + type.getName());
        }
    }
}
