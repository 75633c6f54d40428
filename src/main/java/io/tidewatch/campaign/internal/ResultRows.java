package io.tidewatch.campaign.internal;

import static io.tidewatch.campaign.internal.Sql.bindLongs;
import static io.tidewatch.campaign.internal.Sql.instant;
import static io.tidewatch.campaign.internal.Sql.placeholders;
import static io.tidewatch.campaign.internal.Sql.postgres;
import static io.tidewatch.campaign.internal.Sql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tidewatch.campaign.ClaimedMessage;
import io.tidewatch.campaign.ResultStatus;
import io.tidewatch.campaign.SendOutcome;
import io.tidewatch.campaign.TrackedRecipient;
import io.tidewatch.campaign.TrackingEvent;

/**
 * SQL over the tenant's campaign results: bulk creation, the mailer's claim / outcome / recovery cycle
 * ({@code FOR UPDATE SKIP LOCKED}, so instances never claim the same row), tracking updates that only move a status
 * forward, and the aggregate counts behind the statistics.
 */
public final class ResultRows {

    /** Waiting for its send time. */
    public static final String PENDING = "PENDING";
    /** Claimed by one instance, which is sending it. */
    public static final String CLAIMED = "CLAIMED";
    /** Sent, or failed for good. */
    public static final String DONE = "DONE";
    /** Never sent: the campaign was completed first. */
    public static final String CANCELLED = "CANCELLED";

    private static final int IN_LIST = 500;

    private ResultRows() {
    }

    /** A result to create. */
    public record NewResult(String rid, String email, String firstName, String lastName, String position,
            ResultStatus status, Instant sendDate) {
    }

    /** Inserts the results in batches and returns their ids by rid. */
    public static Map<String, Long> insertAll(Connection c, long campaignId, List<NewResult> results, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign_result (campaign_id, rid, email,"
                + " first_name, last_name, job_position, status, status_rank, reported, ip, latitude, longitude,"
                + " send_date, modified_date, send_state, next_attempt_at, attempts)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, '', 0, 0, ?, ?, ?, ?, 0)")) {
            int batched = 0;
            for (NewResult r : results) {
                insert.setLong(1, campaignId);
                insert.setString(2, r.rid());
                insert.setString(3, r.email());
                insert.setString(4, r.firstName());
                insert.setString(5, r.lastName());
                insert.setString(6, r.position());
                insert.setString(7, r.status().wire());
                insert.setInt(8, r.status().rank());
                setInstant(insert, 9, r.sendDate());
                setInstant(insert, 10, now);
                insert.setString(11, PENDING);
                setInstant(insert, 12, r.sendDate());
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, rid FROM campaign_result WHERE campaign_id = ?")) {
            select.setLong(1, campaignId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Claims up to {@code max} due results for {@code instance}: rows other transactions hold are skipped, so two
     * instances never claim the same row. No ORDER BY: H2 applies the row limit before skipping locked rows when the
     * query sorts, and the due index already yields the oldest due first on both databases.
     */
    public static List<ClaimedMessage> claim(Connection c, long campaignId, String instance, int max, Instant now)
            throws SQLException {
        List<ClaimedMessage> claimed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, rid, email, first_name, last_name, job_position,"
                + " attempts FROM campaign_result WHERE campaign_id = ? AND send_state = ? AND next_attempt_at <= ?"
                + " FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, campaignId);
            select.setString(2, PENDING);
            setInstant(select, 3, now);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new ClaimedMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7), now));
                }
            }
        }
        if (claimed.isEmpty()) {
            return claimed;
        }
        List<Long> ids = claimed.stream().map(ClaimedMessage::resultId).toList();
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign_result SET send_state = ?, claimed_by = ?,"
                + " claimed_at = ?, status = CASE WHEN status_rank = 0 THEN ? ELSE status END, modified_date = ?"
                + " WHERE id IN (" + placeholders(ids.size()) + ")")) {
            update.setString(1, CLAIMED);
            update.setString(2, instance);
            setInstant(update, 3, now);
            update.setString(4, ResultStatus.SENDING.wire());
            setInstant(update, 5, now);
            bindLongs(update, 6, ids);
            update.executeUpdate();
        }
        return claimed;
    }

    /**
     * Records outcomes of messages this instance claimed; a row no longer claimed by it (recovered by another
     * instance, or deleted) is left alone. Returns the outcomes that applied, for the timeline.
     */
    public static List<SendOutcome> recordOutcomes(Connection c, String instance, List<SendOutcome> outcomes,
            Instant now) throws SQLException {
        List<SendOutcome> applied = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign_result SET send_state = ?,"
                + " status = CASE WHEN status_rank >= 2 THEN status ELSE ? END,"
                + " status_rank = CASE WHEN status_rank >= 2 THEN status_rank ELSE ? END,"
                + " send_date = CASE WHEN ? THEN ? ELSE send_date END, next_attempt_at = ?, modified_date = ?,"
                + " attempts = attempts + 1, claimed_by = NULL, claimed_at = NULL"
                + " WHERE id = ? AND send_state = ? AND claimed_by = ?")) {
            for (SendOutcome o : outcomes) {
                ResultStatus status = switch (o.kind()) {
                    case SENT -> ResultStatus.EMAIL_SENT;
                    case RETRY -> ResultStatus.RETRYING;
                    case FAILED -> ResultStatus.ERROR;
                };
                update.setString(1, o.kind() == SendOutcome.Kind.RETRY ? PENDING : DONE);
                update.setString(2, status.wire());
                update.setInt(3, status.rank());
                update.setBoolean(4, o.kind() == SendOutcome.Kind.SENT);
                setInstant(update, 5, now);
                setInstant(update, 6, o.retryAt() == null ? now : o.retryAt());
                setInstant(update, 7, now);
                update.setLong(8, o.resultId());
                update.setString(9, CLAIMED);
                update.setString(10, instance);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    applied.add(outcomes.get(i));
                }
            }
        }
        return applied;
    }

    /** Puts claimed results this instance never started back to pending (provably not sent). */
    public static int release(Connection c, String instance, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign_result SET send_state = ?, claimed_by = NULL,"
                + " claimed_at = NULL WHERE send_state = ? AND claimed_by = ? AND id IN (" + placeholders(ids.size())
                + ")")) {
            update.setString(1, PENDING);
            update.setString(2, CLAIMED);
            update.setString(3, instance);
            bindLongs(update, 4, ids);
            return update.executeUpdate();
        }
    }

    /** A claim whose lease ran out: its id and recipient. */
    public record ExpiredClaim(long resultId, String email) {
    }

    /**
     * Marks claims older than {@code cutoff} as failed: their instance died between claiming and recording, so
     * whether the message left is unknown, and it is not sent again. Returns what was marked.
     */
    public static List<ExpiredClaim> failExpiredClaims(Connection c, long campaignId, Instant cutoff, Instant now)
            throws SQLException {
        List<ExpiredClaim> expired = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, email FROM campaign_result WHERE campaign_id = ?"
                + " AND send_state = ? AND claimed_at < ? FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, campaignId);
            select.setString(2, CLAIMED);
            setInstant(select, 3, cutoff);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    expired.add(new ExpiredClaim(rs.getLong(1), rs.getString(2)));
                }
            }
        }
        if (expired.isEmpty()) {
            return expired;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign_result SET send_state = ?,"
                + " status = CASE WHEN status_rank >= 2 THEN status ELSE ? END,"
                + " status_rank = CASE WHEN status_rank >= 2 THEN status_rank ELSE ? END,"
                + " modified_date = ?, claimed_by = NULL, claimed_at = NULL WHERE id = ? AND send_state = ?")) {
            for (ExpiredClaim claim : expired) {
                update.setString(1, DONE);
                update.setString(2, ResultStatus.ERROR.wire());
                update.setInt(3, ResultStatus.ERROR.rank());
                setInstant(update, 4, now);
                update.setLong(5, claim.resultId());
                update.setString(6, CLAIMED);
                update.addBatch();
            }
            update.executeBatch();
        }
        return expired;
    }

    /** When the campaign's next pending result is due, if any. */
    public static Optional<Instant> nextPending(Connection c, long campaignId) throws SQLException {
        return minimum(c, "SELECT MIN(next_attempt_at) FROM campaign_result WHERE campaign_id = ? AND send_state = ?",
                campaignId, PENDING);
    }

    /** When the campaign's oldest open claim was made, if any. */
    public static Optional<Instant> oldestClaim(Connection c, long campaignId) throws SQLException {
        return minimum(c, "SELECT MIN(claimed_at) FROM campaign_result WHERE campaign_id = ? AND send_state = ?",
                campaignId, CLAIMED);
    }

    private static Optional<Instant> minimum(Connection c, String sql, long campaignId, String state)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, campaignId);
            select.setString(2, state);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
            }
        }
    }

    /** Stops everything not yet sent: pending results will never be claimed. */
    public static int cancelPending(Connection c, long campaignId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign_result SET send_state = ? WHERE campaign_id = ?"
                + " AND send_state = ?")) {
            update.setString(1, CANCELLED);
            update.setLong(2, campaignId);
            update.setString(3, PENDING);
            return update.executeUpdate();
        }
    }

    /**
     * Result counts per campaign and status, and reported counts (key {@link Stats#REPORTED}), in one pass over the
     * results: one conditional count per status, grouped by campaign only (a handful of groups: no sort, no spill).
     */
    public static Map<Long, Map<String, Long>> statusCounts(Connection c, Collection<Long> campaignIds)
            throws SQLException {
        Map<Long, Map<String, Long>> counts = new HashMap<>();
        ResultStatus[] statuses = ResultStatus.values();
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < statuses.length; i++) {
            columns.append(", COUNT(*) FILTER (WHERE status = ?)");
        }
        List<Long> ids = List.copyOf(campaignIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            try (PreparedStatement select = c.prepareStatement("SELECT campaign_id" + columns
                    + ", COUNT(*) FILTER (WHERE reported) FROM campaign_result WHERE campaign_id IN ("
                    + placeholders(slice.size()) + ") GROUP BY campaign_id")) {
                for (int i = 0; i < statuses.length; i++) {
                    select.setString(i + 1, statuses[i].wire());
                }
                bindLongs(select, statuses.length + 1, slice);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Long> perStatus = counts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>());
                        for (int i = 0; i < statuses.length; i++) {
                            long n = rs.getLong(i + 2);
                            if (n > 0) {
                                perStatus.put(statuses[i].wire(), n);
                            }
                        }
                        long reported = rs.getLong(statuses.length + 2);
                        if (reported > 0) {
                            perStatus.put(Stats.REPORTED, reported);
                        }
                    }
                }
            }
        }
        return counts;
    }

    /** The recipient behind a result, for the phishing door. */
    public static Optional<TrackedRecipient> recipient(Connection c, long orgId, long campaignId, long resultId)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT rid, email, first_name, last_name, job_position,"
                + " send_date FROM campaign_result WHERE id = ? AND campaign_id = ?")) {
            select.setLong(1, resultId);
            select.setLong(2, campaignId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TrackedRecipient(orgId, campaignId, resultId, rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), instant(rs, "send_date")));
            }
        }
    }

    /**
     * Applies tracking to statuses in batches: a status only moves to a higher rank (opened, clicked, submitted);
     * reports set the reported flag; flagged (bot) events change nothing.
     */
    public static void applyTracking(Connection c, List<TrackingEvent> events) throws SQLException {
        // One change per recipient: the first event of the highest rank (what applying them in order would leave),
        // and for reports the latest time.
        Map<Long, TrackingEvent> statuses = new LinkedHashMap<>();
        Map<Long, Instant> reports = new LinkedHashMap<>();
        for (TrackingEvent e : events) {
            if (e.flagged()) {
                continue;
            }
            if (e.kind() == TrackingEvent.Kind.REPORTED) {
                reports.merge(e.resultId(), e.time(), (a, b) -> b.isAfter(a) ? b : a);
                continue;
            }
            statuses.merge(e.resultId(), e,
                    (kept, next) -> next.kind().status().rank() > kept.kind().status().rank() ? next : kept);
        }
        if (!statuses.isEmpty()) {
            if (postgres(c).isPresent()) {
                applyStatusesAtOnce(c, statuses.values());
            } else {
                applyStatuses(c, statuses.values());
            }
        }
        if (!reports.isEmpty()) {
            try (PreparedStatement reported = c.prepareStatement("UPDATE campaign_result SET reported = TRUE,"
                    + " modified_date = ? WHERE id = ?")) {
                for (Map.Entry<Long, Instant> report : reports.entrySet()) {
                    setInstant(reported, 1, report.getValue());
                    reported.setLong(2, report.getKey());
                    reported.addBatch();
                }
                reported.executeBatch();
            }
        }
    }

    private static void applyStatuses(Connection c, Collection<TrackingEvent> events) throws SQLException {
        try (PreparedStatement status = c.prepareStatement("UPDATE campaign_result SET status = ?, status_rank = ?,"
                + " ip = ?, modified_date = ? WHERE id = ? AND status_rank < ?")) {
            for (TrackingEvent e : events) {
                ResultStatus target = e.kind().status();
                status.setString(1, target.wire());
                status.setInt(2, target.rank());
                status.setString(3, e.ip() == null ? "" : e.ip());
                setInstant(status, 4, e.time());
                status.setLong(5, e.resultId());
                status.setInt(6, target.rank());
                status.addBatch();
            }
            status.executeBatch();
        }
    }

    /** PostgreSQL: every status change of the batch in one statement, the values passed as five arrays. */
    private static void applyStatusesAtOnce(Connection c, Collection<TrackingEvent> events) throws SQLException {
        int n = events.size();
        Long[] ids = new Long[n];
        String[] wire = new String[n];
        Integer[] ranks = new Integer[n];
        String[] ips = new String[n];
        String[] times = new String[n];
        int i = 0;
        for (TrackingEvent e : events) {
            ResultStatus target = e.kind().status();
            ids[i] = e.resultId();
            wire[i] = target.wire();
            ranks[i] = target.rank();
            ips[i] = e.ip() == null ? "" : e.ip();
            times[i] = e.time().toString();
            i++;
        }
        try (PreparedStatement status = c.prepareStatement("UPDATE campaign_result r SET status = u.status,"
                + " status_rank = u.rank, ip = u.ip, modified_date = u.at FROM unnest(?::bigint[], ?::varchar[],"
                + " ?::smallint[], ?::varchar[], ?::timestamptz[]) AS u(id, status, rank, ip, at)"
                + " WHERE r.id = u.id AND r.status_rank < u.rank")) {
            status.setArray(1, c.createArrayOf("bigint", ids));
            status.setArray(2, c.createArrayOf("varchar", wire));
            status.setArray(3, c.createArrayOf("int4", ranks));
            status.setArray(4, c.createArrayOf("varchar", ips));
            status.setArray(5, c.createArrayOf("text", times));
            status.executeUpdate();
        }
    }

    /** How many results of these campaigns are waiting to be sent or being sent (pending or claimed). */
    public static long unsent(Connection c, Collection<Long> campaignIds) throws SQLException {
        long unsent = 0;
        List<Long> ids = List.copyOf(campaignIds);
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM campaign_result WHERE campaign_id IN ("
                    + placeholders(slice.size()) + ") AND send_state IN (?, ?)")) {
                int next = bindLongs(select, 1, slice);
                select.setString(next, PENDING);
                select.setString(next + 1, CLAIMED);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    unsent += rs.getLong(1);
                }
            }
        }
        return unsent;
    }
}
