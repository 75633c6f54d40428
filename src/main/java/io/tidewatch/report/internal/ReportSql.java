package io.tidewatch.report.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The executive report's queries over the current tenant's campaign tables, each one aggregate SQL (counts grouped in
 * the database, medians by {@code PERCENTILE_CONT} over one row per result), so a tenant's size changes the database's
 * work, never the memory used here. A campaign belongs to a period when its launch date falls in it.
 */
@ApplicationScoped
public class ReportSql {

    /** Marks a bot-flagged event in its JSON details (written by the phishing door). */
    static final String BOT_FLAG = "%\"flagged_as_bot\"%";

    private static final String IN_PERIOD = " c.launch_date >= ? AND c.launch_date < ?";

    private final EntityManager tenantUnit;

    ReportSql(EntityManager tenantUnit) {
        this.tenantUnit = tenantUnit;
    }

    /** Work on the tenant's JDBC connection. */
    @FunctionalInterface
    public interface Work<T> {
        /** Runs with the connection; must not close it. */
        T run(ReportSql.Queries queries) throws SQLException;
    }

    /** Runs {@code work} on the connection of the current unit of work (the tenant's schema). */
    public <T> T tenant(Work<T> work) {
        return tenantUnit.unwrap(Session.class).doReturningWork(c -> work.run(new Queries(c)));
    }

    /** One campaign's line: its identity and counts. */
    public record CampaignTally(long id, String name, String status, Instant launchDate, Tally tally) {
    }

    /** One group's line. */
    public record GroupTally(long id, String name, Tally tally) {
    }

    /** The medians of a period in seconds (null when nobody clicked or reported) and its bot-flagged clicks. */
    public record Timing(Double medianSecondsToClick, Double medianSecondsToReport, long botFlaggedClicks) {
    }

    /** Repeat clickers: how many in all, and the first of them. */
    public record Clickers(long total, List<Clicker> people) {
    }

    /** A recipient who clicked in several campaigns of the period. */
    public record Clicker(String email, String firstName, String lastName, long campaigns) {
    }

    /** The queries, bound to one connection. */
    public static final class Queries {

        private final Connection c;

        Queries(Connection c) {
            this.c = c;
        }

        /** The connection itself, for cursors that stream rows out (CSV). */
        Connection connection() {
            return c;
        }

        /** One line per campaign of the period, oldest launch first. */
        public List<CampaignTally> campaigns(Instant from, Instant to) throws SQLException {
            List<CampaignTally> lines = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT c.id, c.name, c.status, c.launch_date, " + Tally.COLUMNS
                    + " FROM campaign c LEFT JOIN campaign_result r ON r.campaign_id = c.id WHERE" + IN_PERIOD
                    + " GROUP BY c.id, c.name, c.status, c.launch_date ORDER BY c.launch_date, c.id")) {
                bindPeriod(s, 1, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new CampaignTally(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
                                instant(rs, "launch_date"), Tally.read(rs)));
                    }
                }
            }
            return lines;
        }

        /**
         * The timing of the period in one pass over its timeline: the median seconds from a result's send date to its
         * first human click (or submission) and to its first report, and the number of bot-flagged clicks.
         */
        public Timing timing(Instant from, Instant to) throws SQLException {
            String human = "e.message IN ('Clicked Link', 'Submitted Data') AND e.details NOT LIKE ?";
            String firsts = "SELECT EXTRACT(EPOCH FROM MIN(CASE WHEN " + human + " THEN e.event_time END))"
                    + " - EXTRACT(EPOCH FROM r.send_date) AS click_secs,"
                    + " EXTRACT(EPOCH FROM MIN(CASE WHEN e.message = 'Email Reported' THEN e.event_time END))"
                    + " - EXTRACT(EPOCH FROM r.send_date) AS report_secs,"
                    + " SUM(CASE WHEN e.message IN ('Clicked Link', 'Submitted Data') AND e.details LIKE ? THEN 1 ELSE 0 END)"
                    + " AS bots"
                    + " FROM campaign c JOIN campaign_result r ON r.campaign_id = c.id"
                    + " JOIN campaign_event e ON e.result_id = r.id AND e.campaign_id = c.id"
                    + " WHERE" + IN_PERIOD + " AND e.message IN ('Clicked Link', 'Submitted Data', 'Email Reported')"
                    + " GROUP BY r.id, r.send_date";
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(f.click_secs) AS clicks,"
                    + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY f.click_secs) AS click_median,"
                    + " COUNT(f.report_secs) AS reports,"
                    + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY f.report_secs) AS report_median,"
                    + " SUM(f.bots) AS bots FROM (" + firsts + ") f")) {
                s.setString(1, BOT_FLAG);
                s.setString(2, BOT_FLAG);
                bindPeriod(s, 3, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return new Timing(null, null, 0);
                    }
                    Double click = rs.getLong("clicks") == 0 ? null : Math.max(0, rs.getDouble("click_median"));
                    Double report = rs.getLong("reports") == 0 ? null : Math.max(0, rs.getDouble("report_median"));
                    return new Timing(click, report, rs.getLong("bots"));
                }
            }
        }

        /**
         * One line per recipient group, counting the period's results whose address is a member of the group (the
         * engine does not record which group a result came from). Empty when the tenant has no group tables.
         */
        public Optional<List<GroupTally>> groups(Instant from, Instant to) throws SQLException {
            if (!hasTable("group_target") || !hasTable("recipient_group")) {
                return Optional.empty();
            }
            List<GroupTally> lines = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT g.id, g.name, " + Tally.COLUMNS
                    + " FROM campaign c JOIN campaign_result r ON r.campaign_id = c.id"
                    + " JOIN group_target t ON t.email_key = LOWER(r.email)"
                    + " JOIN recipient_group g ON g.id = t.group_id WHERE" + IN_PERIOD
                    + " GROUP BY g.id, g.name ORDER BY g.name, g.id")) {
                bindPeriod(s, 1, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new GroupTally(rs.getLong("id"), rs.getString("name"), Tally.read(rs)));
                    }
                }
            }
            return Optional.of(lines);
        }

        /** How many recipients (by address, case-insensitively) clicked in two or more of the period's campaigns. */
        public long repeatClickerCount(Instant from, Instant to) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM (" + repeatClickers("LOWER(r.email) AS k")
                    + ") x")) {
                bindPeriod(s, 1, from, to);
                return single(s);
            }
        }

        /** The repeat clickers, most campaigns first, at most {@code limit}, with how many there are in all. */
        public Clickers repeatClickers(Instant from, Instant to, int limit) throws SQLException {
            List<Clicker> people = new ArrayList<>();
            long total = 0;
            try (PreparedStatement s = c.prepareStatement(repeatClickers("LOWER(r.email) AS k, MIN(r.email) AS email,"
                    + " MAX(r.first_name) AS first_name, MAX(r.last_name) AS last_name,"
                    + " COUNT(DISTINCT r.campaign_id) AS n, COUNT(*) OVER () AS total")
                    + " ORDER BY n DESC, k FETCH FIRST " + limit + " ROWS ONLY")) {
                bindPeriod(s, 1, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        total = rs.getLong("total");
                        people.add(new Clicker(rs.getString("email"), rs.getString("first_name"),
                                rs.getString("last_name"), rs.getLong("n")));
                    }
                }
            }
            return new Clickers(total, people);
        }

        private static String repeatClickers(String select) {
            return "SELECT " + select + " FROM campaign c JOIN campaign_result r ON r.campaign_id = c.id WHERE"
                    + IN_PERIOD + " AND r.status_rank >= 3 GROUP BY LOWER(r.email)"
                    + " HAVING COUNT(DISTINCT r.campaign_id) >= 2";
        }

        private boolean hasTable(String name) throws SQLException {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, c.getSchema(), name, new String[] { "TABLE" })) {
                return rs.next();
            }
        }
    }

    static int bindPeriod(PreparedStatement s, int index, Instant from, Instant to) throws SQLException {
        s.setObject(index, from.atOffset(ZoneOffset.UTC));
        s.setObject(index + 1, to.atOffset(ZoneOffset.UTC));
        return index + 2;
    }

    static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
