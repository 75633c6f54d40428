package io.tidewatch.imap.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Who polls the current tenant's mailbox, and when. A replica claims a due, enabled mailbox with one conditional
 * UPDATE (only one of several racing replicas changes the row); the claim also sets the next poll, so a failing
 * server is tried again only at the configured frequency. A crashed poller's lease runs out and the mailbox becomes
 * claimable again.
 */
@ApplicationScoped
public class ImapLeases {

    private final EntityManager tenantUnit;

    ImapLeases(EntityManager tenantUnit) {
        this.tenantUnit = tenantUnit;
    }

    /** Claims the mailbox for {@code owner} until {@code now + lease} when it is enabled, due and free. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<ImapSetting> claim(String owner, Instant now, Duration lease) {
        ImapSetting setting = tenantUnit.find(ImapSetting.class, ImapSetting.ID);
        if (setting == null || !setting.enabled || setting.nextPoll != null && setting.nextPoll.isAfter(now)) {
            return Optional.empty();
        }
        tenantUnit.detach(setting);
        int claimed = tenantUnit.createNativeQuery("UPDATE imap_setting SET lease_owner = ?1, lease_until = ?2,"
                + " next_poll = ?3 WHERE id = ?4 AND enabled = TRUE AND (lease_until IS NULL OR lease_until < ?5)"
                + " AND (next_poll IS NULL OR next_poll <= ?5)")
                .setParameter(1, owner)
                .setParameter(2, utc(now.plus(lease)))
                .setParameter(3, utc(now.plusSeconds(Math.max(1, setting.imapFreq))))
                .setParameter(4, ImapSetting.ID)
                .setParameter(5, utc(now))
                .executeUpdate();
        return claimed == 1 ? Optional.of(setting) : Optional.empty();
    }

    /** Gives the mailbox back; {@code loggedIn} (the time of a successful login), when given, becomes last_login. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String owner, Optional<Instant> loggedIn) {
        String set = loggedIn.isPresent() ? ", last_login = ?3" : "";
        Query update = tenantUnit.createNativeQuery("UPDATE imap_setting SET lease_owner = NULL, lease_until = NULL" + set
                + " WHERE id = ?1 AND lease_owner = ?2")
                .setParameter(1, ImapSetting.ID)
                .setParameter(2, owner);
        loggedIn.ifPresent(time -> update.setParameter(3, utc(time)));
        update.executeUpdate();
    }

    private static OffsetDateTime utc(Instant time) {
        return time.atOffset(ZoneOffset.UTC);
    }
}
