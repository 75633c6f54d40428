package io.tidewatch.imap.internal;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The current tenant's IMAP settings row. */
@ApplicationScoped
public class ImapSettingRepository implements PanacheRepositoryBase<ImapSetting, Integer> {
}
