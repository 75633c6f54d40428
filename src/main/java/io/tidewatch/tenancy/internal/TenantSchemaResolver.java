package io.tidewatch.tenancy.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * Tells Hibernate which schema the tenant persistence unit works in. Without a selected tenant it answers the empty
 * sentinel schema, so a forgotten tenant finds no tables rather than somebody else's.
 */
@PersistenceUnitExtension
@ApplicationScoped
class TenantSchemaResolver implements TenantResolver {

    private final Instance<TenantContext> context;

    TenantSchemaResolver(Instance<TenantContext> context) {
        this.context = context;
    }

    @Override
    public String getDefaultTenantId() {
        return TenantSchemas.NONE;
    }

    @Override
    public String resolveTenantId() {
        if (!Arc.container().requestContext().isActive()) {
            return TenantSchemas.NONE;
        }
        try {
            return context.get().schema().orElse(TenantSchemas.NONE);
        } catch (ContextNotActiveException e) {
            return TenantSchemas.NONE;
        }
    }
}
