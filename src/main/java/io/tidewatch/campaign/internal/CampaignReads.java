package io.tidewatch.campaign.internal;

import static io.tidewatch.campaign.internal.Sql.instant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tidewatch.campaign.CampaignDetail.Moment;
import io.tidewatch.campaign.CampaignDetail.Recipient;

/** Typed reads of a campaign's results and timeline, for server-rendered pages (bounded, never the whole table). */
public final class CampaignReads {

    private CampaignReads() {
    }

    /**
     * The first {@code limit} results in creation order, each with its latest {@code eventsEach} events (oldest first).
     */
    public static List<Recipient> results(Connection c, long campaignId, int limit, int eventsEach) throws SQLException {
        String window = " FROM campaign_result WHERE campaign_id = ? ORDER BY id FETCH FIRST " + Math.max(0, limit)
                + " ROWS ONLY";
        Map<Long, List<Moment>> events = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT result_id, email, event_time, message"
                + " FROM campaign_event WHERE campaign_id = ? AND result_id IN (SELECT id" + window + ") ORDER BY id")) {
            select.setLong(1, campaignId);
            select.setLong(2, campaignId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(rs.getLong("result_id"), k -> new ArrayList<>())
                            .add(new Moment(rs.getString("email"), instant(rs, "event_time"), rs.getString("message")));
                }
            }
        }
        List<Recipient> results = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, rid, email, first_name, last_name, job_position,"
                + " status, reported, send_date, modified_date" + window)) {
            select.setLong(1, campaignId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    List<Moment> own = events.getOrDefault(rs.getLong("id"), List.of());
                    results.add(new Recipient(rs.getString("rid"), rs.getString("email"), rs.getString("first_name"),
                            rs.getString("last_name"), rs.getString("job_position"), rs.getString("status"),
                            rs.getBoolean("reported"), instant(rs, "send_date"), instant(rs, "modified_date"),
                            List.copyOf(own.subList(Math.max(0, own.size() - eventsEach), own.size()))));
                }
            }
        }
        return results;
    }

    /** The latest {@code limit} timeline entries, newest first. */
    public static List<Moment> latestEvents(Connection c, long campaignId, int limit) throws SQLException {
        List<Moment> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT email, event_time, message FROM campaign_event"
                + " WHERE campaign_id = ? ORDER BY id DESC FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY")) {
            select.setLong(1, campaignId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String email = rs.getString("email");
                    events.add(new Moment(email == null ? "" : email, instant(rs, "event_time"), rs.getString("message")));
                }
            }
        }
        return events;
    }
}
