package io.tidewatch.organization.internal;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stores the exports written before organizations were deleted. */
@ApplicationScoped
public class OrganizationExportRepository implements PanacheRepository<OrganizationExport> {
}
