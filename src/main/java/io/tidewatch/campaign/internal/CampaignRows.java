package io.tidewatch.campaign.internal;

import static io.tidewatch.campaign.internal.Sql.instant;
import static io.tidewatch.campaign.internal.Sql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tidewatch.campaign.CampaignStatus;

/** SQL over the tenant's campaign table. */
public final class CampaignRows {

    private static final String COLUMNS = "id, name, status, url, created_date, launch_date, send_by_date,"
            + " completed_date, template_id, page_id, profile_id, materials";

    private CampaignRows() {
    }

    /** Inserts the campaign and returns its id. */
    public static long insert(Connection c, CampaignRow row) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO campaign (name, status, url, created_date,"
                + " launch_date, send_by_date, completed_date, template_id, page_id, profile_id, materials)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" })) {
            insert.setString(1, row.name());
            insert.setString(2, row.status());
            insert.setString(3, row.url());
            setInstant(insert, 4, row.createdDate());
            setInstant(insert, 5, row.launchDate());
            setInstant(insert, 6, row.sendByDate());
            setInstant(insert, 7, row.completedDate());
            insert.setLong(8, row.templateId());
            insert.setLong(9, row.pageId());
            insert.setLong(10, row.profileId());
            insert.setString(11, row.materials());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The campaign with this id. */
    public static Optional<CampaignRow> find(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM campaign WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** The campaigns oldest first, {@code limit} negative for all. */
    public static List<CampaignRow> list(Connection c, int offset, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM campaign ORDER BY id"
                + (limit >= 0 ? " OFFSET " + offset + " ROWS FETCH FIRST " + limit + " ROWS ONLY"
                        : offset > 0 ? " OFFSET " + offset + " ROWS" : "");
        List<CampaignRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    /** How many campaigns the tenant has. */
    public static long count(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM campaign");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The campaign's status, if it exists. */
    public static Optional<String> status(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT status FROM campaign WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Moves a queued campaign to "In progress" (the mailer picked up its first due e-mail). */
    public static void markInProgress(Connection c, long id) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign SET status = ? WHERE id = ? AND status = ?")) {
            update.setString(1, CampaignStatus.IN_PROGRESS);
            update.setLong(2, id);
            update.setString(3, CampaignStatus.QUEUED);
            update.executeUpdate();
        }
    }

    /** Completes the campaign, keeping an earlier completion date; false when it does not exist. */
    public static boolean complete(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE campaign SET status = ?,"
                + " completed_date = COALESCE(completed_date, ?) WHERE id = ?")) {
            update.setString(1, CampaignStatus.COMPLETED);
            setInstant(update, 2, now);
            update.setLong(3, id);
            return update.executeUpdate() == 1;
        }
    }

    /** Deletes the campaign with its results and events; false when it does not exist. */
    public static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement events = c.prepareStatement("DELETE FROM campaign_event WHERE campaign_id = ?");
                PreparedStatement results = c.prepareStatement("DELETE FROM campaign_result WHERE campaign_id = ?");
                PreparedStatement campaign = c.prepareStatement("DELETE FROM campaign WHERE id = ?")) {
            events.setLong(1, id);
            events.executeUpdate();
            results.setLong(1, id);
            results.executeUpdate();
            campaign.setLong(1, id);
            return campaign.executeUpdate() == 1;
        }
    }

    private static CampaignRow row(ResultSet rs) throws SQLException {
        return new CampaignRow(rs.getLong("id"), rs.getString("name"), rs.getString("status"), rs.getString("url"),
                instant(rs, "created_date"), instant(rs, "launch_date"), instant(rs, "send_by_date"),
                instant(rs, "completed_date"), rs.getLong("template_id"), rs.getLong("page_id"),
                rs.getLong("profile_id"), rs.getString("materials"));
    }
}
