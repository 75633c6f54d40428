package io.tidewatch.report;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Writes campaigns, results and timeline events straight into a tenant's schema, with exact times, so report tests
 * can check figures computed by hand. The rows look as the engine writes them.
 */
final class ReportSeed {

    private static final AtomicLong RIDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final DataSource dataSource;
    private final String schema;

    ReportSeed(DataSource dataSource, long orgId) {
        this.dataSource = dataSource;
        this.schema = "tenant_" + orgId;
    }

    /** Inserts a campaign launched at {@code launch} and returns its id. */
    long campaign(String name, Instant launch) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".campaign (name, status, url,"
                        + " created_date, launch_date, template_id, page_id, profile_id, materials)"
                        + " VALUES (?, 'In progress', 'http://phish.test', ?, ?, 1, 1, 1, '{}')",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, name);
            s.setObject(2, launch.atOffset(ZoneOffset.UTC));
            s.setObject(3, launch.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            return key(s);
        }
    }

    /** Inserts a result with this status (Gophish's name) sent at {@code sent}, and returns its id. */
    long result(long campaignId, String email, String first, String last, String status, boolean reported, Instant sent)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".campaign_result (campaign_id, rid,"
                        + " email, first_name, last_name, job_position, status, status_rank, reported, ip, latitude,"
                        + " longitude, send_date, modified_date, send_state, next_attempt_at, attempts)"
                        + " VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, '', 0, 0, ?, ?, 'DONE', ?, 1)",
                        Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, campaignId);
            s.setString(2, String.format(Locale.ROOT, "r%015d", RIDS.incrementAndGet()).substring(0, 16));
            s.setString(3, email);
            s.setString(4, first);
            s.setString(5, last);
            s.setString(6, status);
            s.setInt(7, rank(status));
            s.setBoolean(8, reported);
            s.setObject(9, sent.atOffset(ZoneOffset.UTC));
            s.setObject(10, sent.atOffset(ZoneOffset.UTC));
            s.setObject(11, sent.atOffset(ZoneOffset.UTC));
            s.executeUpdate();
            return key(s);
        }
    }

    /** Adds a timeline event to a result; {@code botReason} non-null flags it as the phishing door does. */
    void event(long campaignId, long resultId, String message, Instant time, String botReason) throws SQLException {
        String details = botReason == null ? "{\"payload\":{},\"browser\":{\"address\":\"192.0.2.1\"}}"
                : "{\"payload\":{},\"browser\":{\"address\":\"192.0.2.9\"},\"flagged_as_bot\":\"" + botReason + "\"}";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".campaign_event (campaign_id,"
                        + " result_id, email, event_time, message, details) VALUES (?, ?, '', ?, ?, ?)")) {
            s.setLong(1, campaignId);
            s.setLong(2, resultId);
            s.setObject(3, time.atOffset(ZoneOffset.UTC));
            s.setString(4, message);
            s.setString(5, details);
            s.executeUpdate();
        }
    }

    /** True when the tenant has recipient groups (the phishing resources' tables). */
    boolean hasGroups() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, schema, "group_target", new String[] { "TABLE" })) {
                return rs.next();
            }
        }
    }

    /** Inserts a recipient group with these member addresses and returns its id. */
    long group(String name, String... emails) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".recipient_group (name,"
                    + " modified_date) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                s.setString(1, name);
                s.setObject(2, Instant.now().atOffset(ZoneOffset.UTC));
                s.executeUpdate();
                id = key(s);
            }
            for (String email : emails) {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + schema + ".group_target (group_id, email,"
                        + " email_key, first_name, last_name, job_position) VALUES (?, ?, ?, '', '', '')")) {
                    s.setLong(1, id);
                    s.setString(2, email);
                    s.setString(3, email.toLowerCase(Locale.ROOT));
                    s.executeUpdate();
                }
            }
            return id;
        }
    }

    private static int rank(String status) {
        return switch (status) {
            case "Email Opened" -> 2;
            case "Clicked Link" -> 3;
            case "Submitted Data" -> 4;
            case "Email Sent", "Error" -> 1;
            default -> 0;
        };
    }

    private static long key(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
