package io.tidewatch.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The funnel counts of some results: recipients, e-mails sent (accepted by the SMTP server), and of those how many
 * opened, clicked, submitted and reported. Bot-flagged tracking never moves a status, so these are human counts.
 */
public record Tally(long recipients, long sent, long opened, long clicked, long submitted, long reported) {

    /** Nothing counted. */
    public static final Tally EMPTY = new Tally(0, 0, 0, 0, 0, 0);

    /** The SQL select list producing the six counts, over {@code campaign_result r}. */
    static final String COLUMNS = "COUNT(r.id) AS recipients,"
            + " SUM(CASE WHEN r.status IN ('Email Sent', 'Email Opened', 'Clicked Link', 'Submitted Data')"
            + " THEN 1 ELSE 0 END) AS sent,"
            + " SUM(CASE WHEN r.status_rank >= 2 THEN 1 ELSE 0 END) AS opened,"
            + " SUM(CASE WHEN r.status_rank >= 3 THEN 1 ELSE 0 END) AS clicked,"
            + " SUM(CASE WHEN r.status_rank >= 4 THEN 1 ELSE 0 END) AS submitted,"
            + " SUM(CASE WHEN r.reported THEN 1 ELSE 0 END) AS reported";

    /** The sum of this and {@code other}. */
    public Tally plus(Tally other) {
        return new Tally(recipients + other.recipients, sent + other.sent, opened + other.opened,
                clicked + other.clicked, submitted + other.submitted, reported + other.reported);
    }

    static Tally read(ResultSet rs) throws SQLException {
        return new Tally(rs.getLong("recipients"), rs.getLong("sent"), rs.getLong("opened"), rs.getLong("clicked"),
                rs.getLong("submitted"), rs.getLong("reported"));
    }
}
