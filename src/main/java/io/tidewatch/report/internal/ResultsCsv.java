package io.tidewatch.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.tidewatch.platform.web.GoTime;

/**
 * Writes one campaign's results as CSV, row by row from a cursor (so a 50,000-recipient campaign never sits in
 * memory), one line per recipient with Gophish's result fields; {@code id} is the result's id as the JSON results give it
 * (the recipient's {@code rid}).
 */
public final class ResultsCsv {

    /** The header line's columns. */
    public static final List<String> COLUMNS = List.of("id", "email", "first_name", "last_name", "position", "status",
            "reported", "ip", "latitude", "longitude", "send_date", "modified_date");

    private static final int FETCH = 500;

    private ResultsCsv() {
    }

    /** Writes the campaign's results to {@code out} (UTF-8, CRLF line ends as RFC 4180 says). */
    public static void write(ReportSql.Queries q, long campaignId, OutputStream out) throws SQLException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            w.write(String.join(",", COLUMNS));
            w.write("\r\n");
            try (PreparedStatement s = q.connection().prepareStatement("SELECT rid, email, first_name, last_name,"
                    + " job_position, status, reported, ip, latitude, longitude, send_date, modified_date"
                    + " FROM campaign_result WHERE campaign_id = ? ORDER BY id")) {
                s.setFetchSize(FETCH);
                s.setLong(1, campaignId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        row(w, rs);
                    }
                }
            }
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Writer w, ResultSet rs) throws IOException, SQLException {
        Instant sent = ReportSql.instant(rs, "send_date");
        Instant modified = ReportSql.instant(rs, "modified_date");
        w.write(String.join(",", Csv.text(rs.getString("rid")), Csv.text(rs.getString("email")),
                Csv.text(rs.getString("first_name")), Csv.text(rs.getString("last_name")),
                Csv.text(rs.getString("job_position")), Csv.text(rs.getString("status")),
                Csv.plain(Boolean.toString(rs.getBoolean("reported"))), Csv.text(rs.getString("ip")),
                Csv.plain(Double.toString(rs.getDouble("latitude"))), Csv.plain(Double.toString(rs.getDouble("longitude"))),
                Csv.plain(sent == null ? GoTime.ZERO : GoTime.format(sent)),
                Csv.plain(modified == null ? GoTime.ZERO : GoTime.format(modified))));
        w.write("\r\n");
    }
}
