package io.tidewatch.campaign.internal;

import static io.tidewatch.campaign.internal.Sql.bindLongs;
import static io.tidewatch.campaign.internal.Sql.placeholders;
import static io.tidewatch.campaign.internal.Sql.postgres;
import static io.tidewatch.campaign.internal.Sql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import io.tidewatch.webhook.WebhookEvent;

/** SQL over the tenant's campaign timeline. */
public final class EventRows {

    private EventRows() {
    }

    /** A timeline entry to insert; {@code resultId} null for campaign-level events. */
    public record NewEvent(long campaignId, Long resultId, String email, Instant time, String message, String details) {
    }

    /**
     * Inserts the events in order: on PostgreSQL as one {@code COPY} (the cheapest way in, for the database and for
     * this process: no bind parameters per row), elsewhere as a batch.
     */
    public static void insert(Connection c, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Optional<PGConnection> postgres = postgres(c);
        if (postgres.isPresent()) {
            copy(postgres.get(), events);
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign_event (campaign_id, result_id, email,"
                + " event_time, message, details) VALUES (?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (NewEvent e : events) {
                insert.setLong(1, e.campaignId());
                if (e.resultId() == null) {
                    insert.setNull(2, Types.BIGINT);
                } else {
                    insert.setLong(2, e.resultId());
                }
                insert.setString(3, e.email());
                setInstant(insert, 4, e.time());
                insert.setString(5, e.message());
                insert.setString(6, e.details());
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void copy(PGConnection c, List<NewEvent> events) throws SQLException {
        CopyText rows = new CopyText(events.size() * 256);
        for (NewEvent e : events) {
            rows.number(e.campaignId()).tab();
            if (e.resultId() == null) {
                rows.nullValue();
            } else {
                rows.number(e.resultId());
            }
            rows.tab().text(e.email()).tab().time(e.time()).tab().text(e.message()).tab().text(e.details()).endRow();
        }
        CopyIn copy = c.getCopyAPI().copyIn("COPY campaign_event (campaign_id, result_id, email, event_time, message,"
                + " details) FROM STDIN");
        try {
            copy.writeToCopy(rows.bytes(), 0, rows.length());
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** The events as webhooks receive them. */
    public static List<WebhookEvent> forWebhooks(List<NewEvent> events) {
        return events.stream().map(e -> new WebhookEvent(e.campaignId(), e.email(), e.time(), e.message(), e.details()))
                .toList();
    }

    /** Which of the campaigns still exist (tracking for a deleted campaign is dropped). */
    public static Set<Long> existingCampaigns(Connection c, Collection<Long> campaignIds) throws SQLException {
        Set<Long> found = new HashSet<>();
        if (campaignIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM campaign WHERE id IN ("
                + placeholders(campaignIds.size()) + ")")) {
            bindLongs(select, 1, campaignIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }
}
