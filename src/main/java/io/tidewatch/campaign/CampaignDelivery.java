package io.tidewatch.campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.tidewatch.campaign.CampaignMaterials.MaterialRef;
import io.tidewatch.campaign.CampaignMaterials.ProfileMaterial;
import io.tidewatch.campaign.internal.CampaignRow;
import io.tidewatch.campaign.internal.CampaignRows;
import io.tidewatch.campaign.internal.ControlRows;
import io.tidewatch.campaign.internal.EventRows;
import io.tidewatch.campaign.internal.EventRows.NewEvent;
import io.tidewatch.campaign.internal.ResultRows;
import io.tidewatch.campaign.internal.ResultRows.ExpiredClaim;
import io.tidewatch.campaign.internal.Snapshot;
import io.tidewatch.campaign.internal.Sql;
import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.webhook.WebhookOutbox;

/**
 * The mailer's side of campaigns. Finding due work reads the control schema; everything else runs inside a tenant
 * unit of work ({@code TenantWork.call}) in short transactions: claim due results, record outcomes, release what
 * was never started, and settle a campaign's work (fail expired claims, compute when it is next due).
 */
@ApplicationScoped
public class CampaignDelivery {

    /** What an expired claim is marked with: the sender died before recording whether the message left. */
    public static final String UNKNOWN_OUTCOME = "outcome unknown after restart: not resent";

    private final Sql sql;
    private final AgroalDataSource dataSource;
    private final TenantContext tenant;
    private final CampaignMaterials materials;
    private final ObjectMapper json;
    private final WebhookOutbox webhooks;

    CampaignDelivery(Sql sql, AgroalDataSource dataSource, TenantContext tenant, CampaignMaterials materials,
            ObjectMapper json, WebhookOutbox webhooks) {
        this.sql = sql;
        this.dataSource = dataSource;
        this.tenant = tenant;
        this.materials = materials;
        this.json = json;
        this.webhooks = webhooks;
    }

    /** Campaigns, in any tenant, with work due at {@code now}. */
    public List<DueWork> due(Instant now, int max) {
        try (Connection c = dataSource.getConnection()) {
            return ControlRows.due(c, now, max);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the mail work", e);
        }
    }

    /**
     * Claims up to {@code max} of the campaign's due results for {@code instance} and commits; nothing when the
     * campaign is completed or gone. A queued campaign becomes "In progress".
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ClaimedMessage> claim(long campaignId, String instance, int max, Instant now) {
        return sql.tenant(c -> {
            Optional<String> status = CampaignRows.status(c, campaignId);
            if (status.isEmpty() || CampaignStatus.COMPLETED.equals(status.get())) {
                return List.of();
            }
            List<ClaimedMessage> claimed = ResultRows.claim(c, campaignId, instance, max, now);
            if (!claimed.isEmpty() && CampaignStatus.QUEUED.equals(status.get())) {
                CampaignRows.markInProgress(c, campaignId);
            }
            return claimed;
        });
    }

    /** The campaign's snapshot for sending, with the profile's current password; empty when the campaign is gone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<SendingMaterials> materials(long campaignId) {
        Optional<CampaignRow> row = sql.tenant(c -> CampaignRows.find(c, campaignId));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Snapshot snapshot = Snapshot.fromJson(json, row.get().materials());
        ProfileMaterial stored = snapshot.profile();
        boolean needsPassword = !stored.username().isEmpty();
        Optional<String> password = needsPassword
                ? materials.profile(MaterialRef.byId(stored.id())).map(ProfileMaterial::password)
                : Optional.of("");
        ProfileMaterial profile = new ProfileMaterial(stored.id(), stored.name(), stored.host(), stored.username(),
                password.orElse(""), stored.fromAddress(), stored.ignoreCertErrors(), stored.headers(),
                stored.modifiedDate());
        return Optional.of(new SendingMaterials(tenant.requireOrgId(), campaignId, row.get().url(), snapshot.template(),
                profile, password.isPresent()));
    }

    /**
     * Records outcomes of messages {@code instance} claimed, with their timeline events, and brings the campaign's
     * work forward to the earliest retry. Outcomes of rows no longer claimed by this instance are ignored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int record(long campaignId, String instance, List<SendOutcome> outcomes, Instant now) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        long orgId = tenant.requireOrgId();
        return sql.tenant(c -> {
            List<SendOutcome> applied = ResultRows.recordOutcomes(c, instance, outcomes, now);
            List<NewEvent> events = new ArrayList<>(applied.size());
            Instant earliestRetry = null;
            for (SendOutcome o : applied) {
                if (o.kind() == SendOutcome.Kind.SENT) {
                    events.add(new NewEvent(campaignId, o.resultId(), o.email(), now, EventMessage.EMAIL_SENT, ""));
                } else {
                    events.add(new NewEvent(campaignId, o.resultId(), o.email(), now, EventMessage.ERROR_SENDING,
                            errorDetails(o.error())));
                }
                if (o.kind() == SendOutcome.Kind.RETRY && (earliestRetry == null || o.retryAt().isBefore(earliestRetry))) {
                    earliestRetry = o.retryAt();
                }
            }
            EventRows.insert(c, events);
            webhooks.enqueue(c, orgId, EventRows.forWebhooks(events));
            if (earliestRetry != null) {
                ControlRows.advanceWork(c, orgId, campaignId, earliestRetry);
            }
            return applied.size();
        });
    }

    /** Puts claimed results this instance provably never started back to pending, due now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int release(long campaignId, String instance, Collection<Long> resultIds, Instant now) {
        if (resultIds.isEmpty()) {
            return 0;
        }
        long orgId = tenant.requireOrgId();
        return sql.tenant(c -> {
            int released = ResultRows.release(c, instance, resultIds);
            ControlRows.advanceWork(c, orgId, campaignId, now);
            return released;
        });
    }

    /** What settling a campaign's work found. */
    public record Settlement(int expiredClaims, boolean finished) {
    }

    /**
     * Settles the campaign's work row under a lock: claims older than {@code lease} are failed as
     * {@value #UNKNOWN_OUTCOME}; then the row is moved to the next pending send, to when the oldest open claim
     * expires, or removed when nothing is left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Settlement settle(long campaignId, Instant now, Duration lease) {
        long orgId = tenant.requireOrgId();
        return sql.tenant(c -> {
            if (!ControlRows.lockWork(c, orgId, campaignId)) {
                return new Settlement(0, true);
            }
            Optional<String> status = CampaignRows.status(c, campaignId);
            if (status.isEmpty() || CampaignStatus.COMPLETED.equals(status.get())) {
                ControlRows.removeWork(c, orgId, campaignId);
                return new Settlement(0, true);
            }
            List<ExpiredClaim> expired = ResultRows.failExpiredClaims(c, campaignId, now.minus(lease), now);
            List<NewEvent> events = new ArrayList<>();
            for (ExpiredClaim claim : expired) {
                events.add(new NewEvent(campaignId, claim.resultId(), claim.email(), now, EventMessage.ERROR_SENDING,
                        errorDetails(UNKNOWN_OUTCOME)));
            }
            EventRows.insert(c, events);
            webhooks.enqueue(c, orgId, EventRows.forWebhooks(events));
            Optional<Instant> next = ResultRows.nextPending(c, campaignId);
            if (next.isPresent()) {
                ControlRows.setWork(c, orgId, campaignId, next.get());
                return new Settlement(expired.size(), false);
            }
            Optional<Instant> claimed = ResultRows.oldestClaim(c, campaignId);
            if (claimed.isPresent()) {
                ControlRows.setWork(c, orgId, campaignId, claimed.get().plus(lease));
                return new Settlement(expired.size(), false);
            }
            ControlRows.removeWork(c, orgId, campaignId);
            return new Settlement(expired.size(), true);
        });
    }

    /** Counts of the campaign's results by status (for logs and tests). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Long> statusCounts(long campaignId) {
        return sql.tenant(c -> ResultRows.statusCounts(c, List.of(campaignId)).getOrDefault(campaignId, Map.of()));
    }

    private String errorDetails(String error) {
        try {
            return json.writeValueAsString(Map.of("error", error == null ? "" : error));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
