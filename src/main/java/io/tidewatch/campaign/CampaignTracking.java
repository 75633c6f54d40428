package io.tidewatch.campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.tidewatch.campaign.internal.CampaignRow;
import io.tidewatch.campaign.internal.CampaignRows;
import io.tidewatch.campaign.internal.ControlRows;
import io.tidewatch.campaign.internal.ControlRows.RidTarget;
import io.tidewatch.campaign.internal.EventRows;
import io.tidewatch.campaign.internal.EventRows.NewEvent;
import io.tidewatch.campaign.internal.ResultRows;
import io.tidewatch.campaign.internal.Rids;
import io.tidewatch.campaign.internal.Snapshot;
import io.tidewatch.campaign.internal.Sql;
import io.tidewatch.campaign.internal.StatusFloor;
import io.tidewatch.tenancy.TenantWork;
import io.tidewatch.webhook.WebhookOutbox;

/**
 * The phishing door's side of campaigns. A rid is resolved through the control schema's index to exactly one tenant,
 * and everything after that runs in that tenant only. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class CampaignTracking {

    /** Gophish's details of a report found by its IMAP monitor: no request, so no payload and no browser. */
    static final String MAIL_REPORT_DETAILS = "{\"payload\":null,\"browser\":null}";

    private final AgroalDataSource dataSource;
    private final TenantWork tenantWork;
    private final Sql sql;
    private final ObjectMapper json;
    private final WebhookOutbox webhooks;
    private final StatusFloor floor = new StatusFloor(100_000);

    CampaignTracking(AgroalDataSource dataSource, TenantWork tenantWork, Sql sql, ObjectMapper json,
            WebhookOutbox webhooks) {
        this.dataSource = dataSource;
        this.tenantWork = tenantWork;
        this.sql = sql;
        this.json = json;
        this.webhooks = webhooks;
    }

    /** True when {@code rid} has the shape of a recipient id (7 letters and digits); cheap, no lookup. */
    public static boolean isRid(String rid) {
        return Rids.isWellFormed(rid);
    }

    /** The recipient behind a rid, in whichever tenant holds it; empty for unknown or malformed rids. */
    public Optional<TrackedRecipient> recipient(String rid) {
        if (!Rids.isWellFormed(rid)) {
            return Optional.empty();
        }
        Optional<RidTarget> target;
        try (Connection c = dataSource.getConnection()) {
            target = ControlRows.resolve(c, rid);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rid index", e);
        }
        if (target.isEmpty()) {
            return Optional.empty();
        }
        RidTarget t = target.get();
        return tenantWork.call(t.orgId(),
                () -> sql.tenant(c -> ResultRows.recipient(c, t.orgId(), t.campaignId(), t.resultId())));
    }

    /** True while the organization exists and is not being deleted: the door serves and records nothing else. */
    public boolean isActive(long orgId) {
        try (Connection c = dataSource.getConnection()) {
            return ControlRows.isActive(c, orgId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the organization's status", e);
        }
    }

    /**
     * The campaign as the door serves it; empty when it was deleted, or when reading it failed because its organization
     * is being deleted (its schema may be gone). Any other failure is thrown.
     */
    public Optional<TrackedCampaign> campaign(long orgId, long campaignId) {
        Optional<CampaignRow> row;
        try {
            row = tenantWork.call(orgId, () -> sql.tenant(c -> CampaignRows.find(c, campaignId)));
        } catch (RuntimeException e) {
            if (!isActive(orgId)) {
                return Optional.empty();
            }
            throw e;
        }
        return row.map(r -> {
            Snapshot snapshot = Snapshot.fromJson(json, r.materials());
            return new TrackedCampaign(orgId, campaignId, CampaignStatus.COMPLETED.equals(r.status()), r.url(),
                    snapshot.profile().fromAddress(), snapshot.page());
        });
    }

    /**
     * Writes a batch of one tenant's tracking: the timeline events (dropped for campaigns deleted meanwhile), their
     * webhook deliveries and the status changes, in one transaction.
     */
    public void record(long orgId, List<TrackingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tenantWork.call(orgId, () -> sql.tenant(c -> {
            write(c, orgId, events);
            return null;
        }));
        floor.committed(orgId, events);
    }

    /**
     * Records "Email Reported" for the recipients of {@code orgId} behind {@code rids} (found in a mailbox of that
     * organization), in one transaction, the way a report through the door is recorded. Rids indexed for another
     * organization and unknown rids are skipped before any tenant schema is read. Returns the rids recorded.
     */
    public Set<String> recordMailReports(long orgId, Collection<String> rids, Instant time) {
        List<RidTarget> own = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String rid : new LinkedHashSet<>(rids)) {
                if (Rids.isWellFormed(rid)) {
                    ControlRows.resolve(c, rid).filter(t -> t.orgId() == orgId).ifPresent(own::add);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rid index", e);
        }
        if (own.isEmpty()) {
            return Set.of();
        }
        return tenantWork.call(orgId, () -> sql.tenant(c -> {
            Set<String> recorded = new LinkedHashSet<>();
            List<TrackingEvent> events = new ArrayList<>();
            for (RidTarget t : own) {
                Optional<TrackedRecipient> found = ResultRows.recipient(c, orgId, t.campaignId(), t.resultId());
                if (found.isPresent() && rids.contains(found.get().rid())) {
                    TrackedRecipient r = found.get();
                    events.add(new TrackingEvent(r.campaignId(), r.resultId(), r.email(), TrackingEvent.Kind.REPORTED,
                            time, null, MAIL_REPORT_DETAILS, false));
                    recorded.add(r.rid());
                }
            }
            write(c, orgId, events);
            return recorded;
        }));
    }

    private void write(Connection c, long orgId, List<TrackingEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Set<Long> live = EventRows.existingCampaigns(c, events.stream().map(TrackingEvent::campaignId).distinct().toList());
        List<TrackingEvent> kept = events.stream().filter(e -> live.contains(e.campaignId())).toList();
        List<NewEvent> rows = new ArrayList<>(kept.size());
        for (TrackingEvent e : kept) {
            rows.add(new NewEvent(e.campaignId(), e.resultId(), e.email(), e.time(), e.kind().message(), e.details()));
        }
        EventRows.insert(c, rows);
        webhooks.enqueue(c, orgId, EventRows.forWebhooks(rows));
        ResultRows.applyTracking(c, floor.mayChange(orgId, kept));
    }
}
