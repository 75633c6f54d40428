package io.tidewatch.organization;

/** Fired when an organization is created, changed or deleted, so caches keyed by its host or slug refresh. */
public record OrganizationChanged(long orgId) {
}
