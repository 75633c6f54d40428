package io.tidewatch.branding.internal;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes organizations' branding settings in the control schema. */
@ApplicationScoped
public class BrandingSettingsRepository implements PanacheRepositoryBase<BrandingSettings, Long> {
}
