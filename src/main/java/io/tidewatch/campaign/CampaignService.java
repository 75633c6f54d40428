package io.tidewatch.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.campaign.CampaignMaterials.GroupMaterial;
import io.tidewatch.campaign.CampaignMaterials.MaterialKind;
import io.tidewatch.campaign.CampaignMaterials.MaterialRef;
import io.tidewatch.campaign.CampaignMaterials.PageMaterial;
import io.tidewatch.campaign.CampaignMaterials.ProfileMaterial;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.CampaignMaterials.TemplateMaterial;
import io.tidewatch.campaign.internal.CampaignJson;
import io.tidewatch.campaign.internal.CampaignJson.Deleted;
import io.tidewatch.campaign.internal.CampaignJson.Parts;
import io.tidewatch.campaign.internal.CampaignJson.Window;
import io.tidewatch.campaign.internal.CampaignReads;
import io.tidewatch.campaign.internal.CampaignRow;
import io.tidewatch.campaign.internal.CampaignRows;
import io.tidewatch.campaign.internal.ControlRows;
import io.tidewatch.campaign.internal.EventRows;
import io.tidewatch.campaign.internal.EventRows.NewEvent;
import io.tidewatch.campaign.internal.ResultRows;
import io.tidewatch.campaign.internal.ResultRows.NewResult;
import io.tidewatch.campaign.internal.Rids;
import io.tidewatch.campaign.internal.SendPlan;
import io.tidewatch.campaign.internal.SendPlan.Planned;
import io.tidewatch.campaign.internal.Snapshot;
import io.tidewatch.campaign.internal.Sql;
import io.tidewatch.campaign.internal.Stats;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.tenancy.TenantContext;
import io.tidewatch.webhook.WebhookOutbox;

/**
 * Campaigns of the current tenant: creation (validated in Gophish's order, with a snapshot of the materials, one
 * result and rid per unique recipient, and the mail work that launches it), reads written straight from the database,
 * completion and deletion. Every change is audited and happens in one transaction.
 */
@ApplicationScoped
public class CampaignService {

    static final String NOT_FOUND = "Campaign not found";
    /** A typed campaign read shows each recipient's latest events, at most this many. */
    public static final int RECIPIENT_EVENTS = 10;
    private static final int RID_ATTEMPTS = 3;
    private static final SecureRandom SHUFFLE = new SecureRandom();

    private final Sql sql;
    private final CampaignMaterials materials;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Event<CampaignLaunched> launched;
    private final Event<CampaignClosed> closed;
    private final WebhookOutbox webhooks;

    CampaignService(Sql sql, CampaignMaterials materials, TenantContext tenant, AuditLog audit, ObjectMapper json,
            Event<CampaignLaunched> launched, Event<CampaignClosed> closed, WebhookOutbox webhooks) {
        this.sql = sql;
        this.materials = materials;
        this.tenant = tenant;
        this.audit = audit;
        this.json = json;
        this.launched = launched;
        this.closed = closed;
        this.webhooks = webhooks;
    }

    /** A created campaign: its id and the groups it was built from (Gophish's POST answer shows them). */
    public record Created(long id, List<GroupMaterial> groups) {
    }

    /** Validates, snapshots and stores the campaign with its recipients, and queues its e-mail. */
    public Created create(CampaignRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CampaignRequests.Valid valid = CampaignRequests.validate(request, now);
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> insert(valid, now));
            } catch (RidCollision e) {
                if (attempt == RID_ATTEMPTS) {
                    throw new IllegalStateException("could not allocate unique recipient ids", e);
                }
                Log.debugf("A concurrent campaign took one of the new rids; retrying (%d)", attempt);
            }
        }
    }

    private Created insert(CampaignRequests.Valid valid, Instant now) {
        List<GroupMaterial> groups = new ArrayList<>();
        for (MaterialRef ref : valid.groups()) {
            groups.add(materials.group(ref).orElseThrow(() -> ApiException.badRequest("Group not found")));
        }
        TemplateMaterial template = materials.template(valid.template())
                .orElseThrow(() -> ApiException.badRequest("Template not found"));
        PageMaterial page = materials.page(valid.page()).orElseThrow(() -> ApiException.badRequest("Page not found"));
        ProfileMaterial profile = materials.profile(valid.profile())
                .orElseThrow(() -> ApiException.badRequest("Sending profile not found"));
        List<TargetMaterial> recipients = SendPlan.recipients(groups);
        if (recipients.isEmpty()) {
            throw ApiException.badRequest("No targets specified");
        }
        List<Planned> plan = SendPlan.schedule(recipients, valid.launch(), valid.sendBy().orElse(null),
                valid.shuffle() ? SHUFFLE : null);
        boolean launchNow = !valid.launch().isAfter(now);
        CampaignRow row = new CampaignRow(0, valid.name(), launchNow ? CampaignStatus.IN_PROGRESS : CampaignStatus.QUEUED,
                valid.url(), now, valid.launch(), valid.sendBy().orElse(null), null, template.id(), page.id(),
                profile.id(), Snapshot.of(template, page, profile).toJson(json));
        long orgId = tenant.requireOrgId();
        long id = sql.tenant(c -> store(c, orgId, row, plan, now, webhooks));
        audit.record(AuditEvent.of("campaign.create").target("campaign", id).details(plan.size() + " recipients"));
        launched.fire(new CampaignLaunched(orgId, id, valid.launch()));
        Log.infof("Campaign %d: %d recipients queued, launching %s", id, plan.size(),
                launchNow ? "now" : GoTime.format(valid.launch()));
        return new Created(id, groups);
    }

    private static long store(Connection c, long orgId, CampaignRow row, List<Planned> plan, Instant now,
            WebhookOutbox webhooks) throws SQLException {
        long id = CampaignRows.insert(c, row);
        List<String> rids = Rids.distinct(plan.size(), Set.of());
        Set<String> taken = ControlRows.takenRids(c, rids);
        while (!taken.isEmpty()) {
            Set<String> avoid = new HashSet<>(rids);
            List<String> replacements = Rids.distinct(taken.size(), avoid);
            rids.removeAll(taken);
            rids.addAll(replacements);
            taken = ControlRows.takenRids(c, replacements);
        }
        List<NewResult> results = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            TargetMaterial t = p.target();
            ResultStatus status = p.sendDate().isAfter(now) ? ResultStatus.SCHEDULED : ResultStatus.SENDING;
            results.add(new NewResult(rids.get(i), t.email().trim(), nz(t.firstName()), nz(t.lastName()),
                    nz(t.position()), status, p.sendDate()));
        }
        Map<String, Long> ids = ResultRows.insertAll(c, id, results, now);
        try {
            ControlRows.indexRids(c, orgId, id, ids);
        } catch (SQLException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new RidCollision(e);
            }
            throw e;
        }
        List<NewEvent> created = List.of(new NewEvent(id, null, "", now, EventMessage.CAMPAIGN_CREATED, ""));
        EventRows.insert(c, created);
        webhooks.enqueue(c, orgId, EventRows.forWebhooks(created));
        ControlRows.addWork(c, orgId, id, plan.get(0).sendDate());
        return id;
    }

    /** Writes {@code GET /campaigns/}: every campaign with results and timeline, oldest first. */
    public void writeList(OutputStream out, int offset, int limit) {
        stream(out, (g, c) -> {
            List<CampaignRow> rows = CampaignRows.list(c, offset, limit);
            Map<Long, Deleted> deleted = deleted(rows);
            g.writeStartArray();
            for (CampaignRow row : rows) {
                CampaignJson.campaign(g, c, row, snapshot(row), deleted.get(row.id()),
                        new Parts(true, true, null, Window.ALL));
            }
            g.writeEndArray();
        });
    }

    /** True when the campaign exists in this tenant. */
    public boolean exists(long id) {
        return QuarkusTransaction.requiringNew().call(() -> sql.tenant(c -> CampaignRows.find(c, id)).isPresent());
    }

    /** Writes one campaign; with {@code groups} (the POST answer) without timeline, as Gophish does. */
    public void writeOne(OutputStream out, long id, List<GroupMaterial> groups) {
        stream(out, (g, c) -> {
            CampaignRow row = CampaignRows.find(c, id).orElseThrow(CampaignService::notFound);
            CampaignJson.campaign(g, c, row, snapshot(row), deleted(List.of(row)).get(id),
                    new Parts(true, groups == null, groups, Window.ALL));
        });
    }

    /** Writes {@code GET /campaigns/{id}/results}, optionally a window of the results and their events. */
    public void writeResults(OutputStream out, long id, int offset, int limit) {
        stream(out, (g, c) -> {
            CampaignRow row = CampaignRows.find(c, id).orElseThrow(CampaignService::notFound);
            CampaignJson.results(g, c, row, new Window(offset, limit));
        });
    }

    /** Writes {@code GET /campaigns/{id}/summary}. */
    public void writeSummary(OutputStream out, long id) {
        stream(out, (g, c) -> {
            CampaignRow row = CampaignRows.find(c, id).orElseThrow(CampaignService::notFound);
            CampaignJson.summary(g, row, ResultRows.statusCounts(c, List.of(id)).getOrDefault(id, Map.of()));
        });
    }

    /** Writes {@code GET /campaigns/summary}: the total and one summary per campaign, stats in one grouped query. */
    public void writeSummaries(OutputStream out, int offset, int limit) {
        stream(out, (g, c) -> {
            List<CampaignRow> rows = CampaignRows.list(c, offset, limit);
            Map<Long, Map<String, Long>> counts = ResultRows.statusCounts(c, rows.stream().map(CampaignRow::id).toList());
            g.writeStartObject();
            g.writeNumberField("total", CampaignRows.count(c));
            g.writeArrayFieldStart("campaigns");
            for (CampaignRow row : rows) {
                CampaignJson.summary(g, row, counts.getOrDefault(row.id(), Map.of()));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** How many campaigns this tenant has. */
    public long count() {
        return QuarkusTransaction.requiringNew().call(() -> sql.tenant(CampaignRows::count));
    }

    /** The campaigns with their funnels, newest first: the latest {@code limit} of them (negative: all). */
    public List<CampaignOverview> overviews(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> sql.tenant(c -> {
            int offset = limit < 0 ? 0 : (int) Math.max(0, CampaignRows.count(c) - limit);
            List<CampaignRow> rows = new ArrayList<>(CampaignRows.list(c, offset, limit));
            Collections.reverse(rows);
            Map<Long, Map<String, Long>> counts = ResultRows.statusCounts(c, rows.stream().map(CampaignRow::id).toList());
            return rows.stream().map(row -> overview(row, counts.getOrDefault(row.id(), Map.of()))).toList();
        }));
    }

    /**
     * The campaign with its first {@code maxResults} results (each with its latest {@link #RECIPIENT_EVENTS} events) and
     * its latest {@code maxEvents} timeline entries, if it exists in this tenant.
     */
    public Optional<CampaignDetail> detail(long id, int maxResults, int maxEvents) {
        return QuarkusTransaction.requiringNew().call(() -> sql.tenant(c -> {
            Optional<CampaignRow> found = CampaignRows.find(c, id);
            if (found.isEmpty()) {
                return Optional.<CampaignDetail> empty();
            }
            CampaignRow row = found.get();
            CampaignOverview overview = overview(row, ResultRows.statusCounts(c, List.of(id)).getOrDefault(id, Map.of()));
            Snapshot snapshot = snapshot(row);
            return Optional.of(new CampaignDetail(overview, row.url(), snapshot.template().name(), snapshot.page().name(),
                    snapshot.profile().name(), CampaignReads.results(c, id, maxResults, RECIPIENT_EVENTS),
                    overview.funnel().total(),
                    CampaignReads.latestEvents(c, id, maxEvents)));
        }));
    }

    private static CampaignOverview overview(CampaignRow row, Map<String, Long> counts) {
        Stats s = Stats.of(counts);
        return new CampaignOverview(row.id(), row.name(), row.status(), row.createdDate(), row.launchDate(),
                row.sendByDate(), row.completedDate(), new CampaignOverview.Funnel(s.total(), s.sent(), s.opened(),
                        s.clicked(), s.submittedData(), s.emailReported(), s.error()));
    }

    /** Completes the campaign: nothing more is sent, and the phishing door stops answering for it. */
    public void complete(long id) {
        long orgId = tenant.requireOrgId();
        QuarkusTransaction.requiringNew().run(() -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            int cancelled = sql.tenant(c -> {
                if (!CampaignRows.complete(c, id, now)) {
                    throw notFound();
                }
                int n = ResultRows.cancelPending(c, id);
                ControlRows.removeWork(c, orgId, id);
                return n;
            });
            audit.record(AuditEvent.of("campaign.complete").target("campaign", id)
                    .details(cancelled + " unsent e-mails cancelled"));
            closed.fire(new CampaignClosed(orgId, id));
            Log.infof("Campaign %d completed; %d unsent e-mails cancelled", id, cancelled);
        });
    }

    /** Deletes the campaign, its results, timeline, rids and pending e-mail. */
    public void delete(long id) {
        long orgId = tenant.requireOrgId();
        QuarkusTransaction.requiringNew().run(() -> {
            sql.tenant(c -> {
                if (!CampaignRows.delete(c, id)) {
                    throw notFound();
                }
                ControlRows.unindexRids(c, orgId, id);
                ControlRows.removeWork(c, orgId, id);
                return null;
            });
            audit.record(AuditEvent.of("campaign.delete").target("campaign", id));
            closed.fire(new CampaignClosed(orgId, id));
            Log.infof("Campaign %d deleted", id);
        });
    }

    private Snapshot snapshot(CampaignRow row) {
        return Snapshot.fromJson(json, row.materials());
    }

    private Map<Long, Deleted> deleted(List<CampaignRow> rows) {
        Set<Long> templates = materials.existing(MaterialKind.TEMPLATE, rows.stream().map(CampaignRow::templateId).toList());
        Set<Long> pages = materials.existing(MaterialKind.PAGE, rows.stream().map(CampaignRow::pageId).toList());
        Set<Long> profiles = materials.existing(MaterialKind.PROFILE, rows.stream().map(CampaignRow::profileId).toList());
        Map<Long, Deleted> deleted = new HashMap<>();
        for (CampaignRow row : rows) {
            deleted.put(row.id(), new Deleted(!templates.contains(row.templateId()), !pages.contains(row.pageId()),
                    !profiles.contains(row.profileId())));
        }
        return deleted;
    }

    /** JSON written from a tenant connection inside a read transaction. */
    @FunctionalInterface
    private interface JsonWork {
        void write(JsonGenerator g, Connection c) throws IOException, SQLException;
    }

    private void stream(OutputStream out, JsonWork work) {
        QuarkusTransaction.requiringNew().run(() -> sql.tenant(c -> {
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                work.write(g, c);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }));
    }

    static ApiException notFound() {
        return ApiException.notFound(NOT_FOUND);
    }

    private static String nz(String value) {
        return value == null ? "" : value.trim();
    }

    /** A rid taken concurrently by another campaign: the whole creation is retried with new rids. */
    static final class RidCollision extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RidCollision(Throwable cause) {
            super("recipient id already taken", cause);
        }
    }
}
