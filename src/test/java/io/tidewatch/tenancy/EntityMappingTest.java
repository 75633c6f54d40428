package io.tidewatch.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnit;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * Hibernate's own schema validation is off under schema multi-tenancy, so this checks every mapped table and column
 * of both persistence units against what the Flyway migrations actually created.
 */
@QuarkusTest
class EntityMappingTest {

    @Inject
    EntityManagerFactory tenantUnit;

    @Inject
    @PersistenceUnit("control")
    EntityManagerFactory controlUnit;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tenantEntitiesMatchAMigratedTenantSchema() throws SQLException {
        Tenant tenant = Fixtures.northwind();
        assertThat(missingColumns(tenantUnit, TenantSchemas.of(tenant.id()))).isEmpty();
    }

    @Test
    void controlEntitiesMatchTheControlSchema() throws SQLException {
        assertThat(missingColumns(controlUnit, TenantSchemas.CONTROL)).isEmpty();
    }

    private List<String> missingColumns(EntityManagerFactory unit, String schema) throws SQLException {
        List<String> missing = new ArrayList<>();
        SessionFactoryImplementor factory = unit.unwrap(SessionFactoryImplementor.class);
        try (Connection connection = dataSource.getConnection()) {
            factory.getMappingMetamodel().forEachEntityDescriptor(persister -> {
                AbstractEntityPersister entity = (AbstractEntityPersister) persister;
                String table = entity.getTableName();
                table = table.substring(table.lastIndexOf('.') + 1);
                Set<String> actual = columns(connection, schema, table);
                for (String column : mapped(persister)) {
                    if (!actual.contains(column.toLowerCase(Locale.ROOT))) {
                        missing.add(table + "." + column);
                    }
                }
            });
        }
        return missing;
    }

    private static List<String> mapped(EntityPersister persister) {
        AbstractEntityPersister entity = (AbstractEntityPersister) persister;
        List<String> columns = new ArrayList<>(List.of(entity.getIdentifierColumnNames()));
        for (String property : entity.getPropertyNames()) {
            columns.addAll(List.of(entity.getPropertyColumnNames(property)));
        }
        return columns;
    }

    private static Set<String> columns(Connection connection, String schema, String table) {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
