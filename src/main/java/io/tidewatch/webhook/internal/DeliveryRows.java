package io.tidewatch.webhook.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidewatch.webhook.WebhookEvent;

/**
 * SQL over the tenant's webhook outbox ({@code webhook_delivery}), on the tenant connection of the current unit of
 * work. Claims skip rows other transactions hold and lease the rest, so instances never deliver a row concurrently.
 */
public final class DeliveryRows {

    /** Queued, or claimed until {@code next_attempt_at}. */
    public static final String PENDING = "PENDING";
    /** Attempts exhausted. */
    public static final String FAILED = "FAILED";

    private static final int CHUNK = 1000;

    private DeliveryRows() {
    }

    /** A claimed delivery with what its request needs. */
    public record Claimed(long id, long webhookId, WebhookEvent event, int attempts) {
    }

    /** Where a webhook's deliveries go; {@code secretSealed} as stored. */
    public record Target(long id, String url, String secretSealed, boolean active) {
    }

    /** A failed attempt: the row and why. */
    public record Failure(long id, int attempts, String error) {
    }

    /** True when the tenant has at least one active webhook. */
    public static boolean anyActive(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM webhook WHERE is_active = TRUE FETCH FIRST 1 ROWS ONLY");
                ResultSet rs = select.executeQuery()) {
            return rs.next();
        }
    }

    /** Queues every event for every webhook active now, in one batched statement. */
    public static void enqueue(Connection c, List<WebhookEvent> events, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO webhook_delivery (webhook_id, campaign_id, email,"
                + " event_time, message, details, state, attempts, next_attempt_at, created_at)"
                + " SELECT id, CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                + " CAST(? AS VARCHAR), CAST(? AS VARCHAR), '" + PENDING + "', 0,"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " FROM webhook WHERE is_active = TRUE")) {
            int batched = 0;
            for (WebhookEvent e : events) {
                insert.setLong(1, e.campaignId());
                insert.setString(2, e.email() == null ? "" : e.email());
                setInstant(insert, 3, e.time());
                insert.setString(4, e.message());
                insert.setString(5, e.details() == null ? "" : e.details());
                setInstant(insert, 6, now);
                setInstant(insert, 7, now);
                insert.addBatch();
                if (++batched % CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * Claims up to {@code max} due deliveries under {@code claim}, leased until {@code leaseUntil}. No ORDER BY: H2
     * applies the row limit before skipping locked rows when the query sorts.
     */
    public static List<Claimed> claim(Connection c, String claim, int max, Instant now, Instant leaseUntil)
            throws SQLException {
        List<Claimed> claimed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, webhook_id, campaign_id, email, event_time,"
                + " message, details, attempts FROM webhook_delivery WHERE state = ? AND next_attempt_at <= ?"
                + " FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            select.setString(1, PENDING);
            setInstant(select, 2, now);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    WebhookEvent event = new WebhookEvent(rs.getLong(3), rs.getString(4), instant(rs, 5),
                            rs.getString(6), rs.getString(7));
                    claimed.add(new Claimed(rs.getLong(1), rs.getLong(2), event, rs.getInt(8)));
                }
            }
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        claimed.sort((a, b) -> Long.compare(a.id(), b.id()));
        List<Long> ids = claimed.stream().map(Claimed::id).toList();
        try (PreparedStatement update = c.prepareStatement("UPDATE webhook_delivery SET claimed_by = ?,"
                + " next_attempt_at = ? WHERE id IN (" + placeholders(ids.size()) + ")")) {
            update.setString(1, claim);
            setInstant(update, 2, leaseUntil);
            bindLongs(update, 3, ids);
            update.executeUpdate();
        }
        return claimed;
    }

    /** The webhooks behind these ids (deleted ones are absent). */
    public static Map<Long, Target> targets(Connection c, Collection<Long> webhookIds) throws SQLException {
        Map<Long, Target> found = new HashMap<>();
        if (webhookIds.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT id, url, secret_sealed, is_active FROM webhook"
                + " WHERE id IN (" + placeholders(webhookIds.size()) + ")")) {
            bindLongs(select, 1, webhookIds);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        return found;
    }

    /** Removes deliveries that are done (delivered, or dropped because their webhook was deactivated). */
    public static int remove(Connection c, String claim, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM webhook_delivery WHERE claimed_by = ? AND id IN ("
                + placeholders(ids.size()) + ")")) {
            delete.setString(1, claim);
            bindLongs(delete, 2, ids);
            return delete.executeUpdate();
        }
    }

    /**
     * Records failed attempts: a delivery with {@code maxAttempts} attempts becomes FAILED, any other is due again at
     * {@code retryAt(attempts)}. Rows no longer held by {@code claim} are left alone.
     */
    public static void fail(Connection c, String claim, List<Failure> failures, int maxAttempts,
            java.util.function.IntFunction<Instant> retryAt) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE webhook_delivery SET state = ?, attempts = ?,"
                + " next_attempt_at = ?, last_error = ?, claimed_by = NULL WHERE id = ? AND claimed_by = ?")) {
            for (Failure f : failures) {
                boolean last = f.attempts() >= maxAttempts;
                update.setString(1, last ? FAILED : PENDING);
                update.setInt(2, f.attempts());
                setInstant(update, 3, retryAt.apply(f.attempts()));
                update.setString(4, f.error().length() > 255 ? f.error().substring(0, 255) : f.error());
                update.setLong(5, f.id());
                update.setString(6, claim);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Puts claimed deliveries that were never attempted back, due at {@code now}. */
    public static void release(Connection c, String claim, Collection<Long> ids, Instant now) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE webhook_delivery SET claimed_by = NULL,"
                + " next_attempt_at = ? WHERE claimed_by = ? AND id IN (" + placeholders(ids.size()) + ")")) {
            setInstant(update, 1, now);
            update.setString(2, claim);
            bindLongs(update, 3, ids);
            update.executeUpdate();
        }
    }

    /** When the next pending delivery is due (or its lease ends); empty when nothing is pending. */
    public static Optional<Instant> nextDue(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT MIN(next_attempt_at) AS due FROM webhook_delivery WHERE state = ?")) {
            select.setString(1, PENDING);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.empty();
            }
        }
    }

    /** Deletes failed deliveries queued before {@code before}. */
    public static int purgeFailed(Connection c, Instant before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM webhook_delivery WHERE state = ? AND created_at < ?")) {
            delete.setString(1, FAILED);
            setInstant(delete, 2, before);
            return delete.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static void bindLongs(PreparedStatement statement, int start, Collection<Long> values) throws SQLException {
        int index = start;
        for (long value : values) {
            statement.setLong(index++, value);
        }
    }
}
