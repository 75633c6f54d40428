package io.tidewatch.campaign.internal;

import static io.tidewatch.campaign.internal.Sql.CONTROL;
import static io.tidewatch.campaign.internal.Sql.instant;
import static io.tidewatch.campaign.internal.Sql.placeholders;
import static io.tidewatch.campaign.internal.Sql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.tidewatch.campaign.DueWork;

/**
 * SQL over the control schema's {@code rid_index} (rid to organization, campaign and result) and {@code mail_work}
 * (campaigns with e-mail to send). Always schema-qualified: it runs on tenant connections too.
 */
public final class ControlRows {

    private static final int IN_LIST = 500;

    private ControlRows() {
    }

    /** Where a rid points. */
    public record RidTarget(long orgId, long campaignId, long resultId) {
    }

    /** Which of {@code rids} are already taken anywhere on the platform. */
    public static Set<String> takenRids(Connection c, List<String> rids) throws SQLException {
        Set<String> taken = new HashSet<>();
        for (int from = 0; from < rids.size(); from += IN_LIST) {
            List<String> slice = rids.subList(from, Math.min(rids.size(), from + IN_LIST));
            try (PreparedStatement select = c.prepareStatement("SELECT rid FROM " + CONTROL + ".rid_index WHERE rid IN ("
                    + placeholders(slice.size()) + ")")) {
                for (int i = 0; i < slice.size(); i++) {
                    select.setString(i + 1, slice.get(i));
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        taken.add(rs.getString(1));
                    }
                }
            }
        }
        return taken;
    }

    /** Indexes a campaign's rids; a concurrent duplicate surfaces as a unique-violation SQLException. */
    public static void indexRids(Connection c, long orgId, long campaignId, Map<String, Long> resultIdsByRid)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + CONTROL + ".rid_index (rid, org_id,"
                + " campaign_id, result_id) VALUES (?, ?, ?, ?)")) {
            int batched = 0;
            for (Map.Entry<String, Long> entry : resultIdsByRid.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setLong(2, orgId);
                insert.setLong(3, campaignId);
                insert.setLong(4, entry.getValue());
                insert.addBatch();
                if (++batched % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** Where the rid points, if anywhere: nowhere once its organization is being deleted. */
    public static Optional<RidTarget> resolve(Connection c, String rid) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT r.org_id, r.campaign_id, r.result_id FROM " + CONTROL
                + ".rid_index r JOIN " + CONTROL + ".organization o ON o.id = r.org_id WHERE r.rid = ?"
                + " AND o.status = 'ACTIVE'")) {
            select.setString(1, rid);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new RidTarget(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        : Optional.empty();
            }
        }
    }

    /** True while the organization exists and is not being deleted. */
    public static boolean isActive(Connection c, long orgId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM " + CONTROL + ".organization WHERE id = ?"
                + " AND status = 'ACTIVE'")) {
            select.setLong(1, orgId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Removes a campaign's rids. */
    public static void unindexRids(Connection c, long orgId, long campaignId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + CONTROL + ".rid_index WHERE org_id = ?"
                + " AND campaign_id = ?")) {
            delete.setLong(1, orgId);
            delete.setLong(2, campaignId);
            delete.executeUpdate();
        }
    }

    /** Registers a campaign with e-mail due at {@code due}. */
    public static void addWork(Connection c, long orgId, long campaignId, Instant due) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + CONTROL + ".mail_work (org_id, campaign_id,"
                + " next_due) VALUES (?, ?, ?)")) {
            insert.setLong(1, orgId);
            insert.setLong(2, campaignId);
            setInstant(insert, 3, due);
            insert.executeUpdate();
        }
    }

    /** Brings the campaign's next due time forward to {@code due} (never later). */
    public static void advanceWork(Connection c, long orgId, long campaignId, Instant due) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + CONTROL + ".mail_work SET next_due = ?"
                + " WHERE org_id = ? AND campaign_id = ? AND next_due > ?")) {
            setInstant(update, 1, due);
            update.setLong(2, orgId);
            update.setLong(3, campaignId);
            setInstant(update, 4, due);
            update.executeUpdate();
        }
    }

    /** Locks the campaign's work row for a recomputation; false when there is none. */
    public static boolean lockWork(Connection c, long orgId, long campaignId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT next_due FROM " + CONTROL + ".mail_work"
                + " WHERE org_id = ? AND campaign_id = ? FOR UPDATE")) {
            select.setLong(1, orgId);
            select.setLong(2, campaignId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Sets the campaign's next due time. */
    public static void setWork(Connection c, long orgId, long campaignId, Instant due) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE " + CONTROL + ".mail_work SET next_due = ?"
                + " WHERE org_id = ? AND campaign_id = ?")) {
            setInstant(update, 1, due);
            update.setLong(2, orgId);
            update.setLong(3, campaignId);
            update.executeUpdate();
        }
    }

    /** Removes the campaign's work row: nothing left to send or settle. */
    public static void removeWork(Connection c, long orgId, long campaignId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + CONTROL + ".mail_work WHERE org_id = ?"
                + " AND campaign_id = ?")) {
            delete.setLong(1, orgId);
            delete.setLong(2, campaignId);
            delete.executeUpdate();
        }
    }

    /** Campaigns whose work is due at {@code now}, earliest first. */
    public static List<DueWork> due(Connection c, Instant now, int max) throws SQLException {
        List<DueWork> due = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT org_id, campaign_id, next_due FROM " + CONTROL
                + ".mail_work WHERE next_due <= ? ORDER BY next_due FETCH FIRST " + max + " ROWS ONLY")) {
            setInstant(select, 1, now);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    due.add(new DueWork(rs.getLong(1), rs.getLong(2), instant(rs, "next_due")));
                }
            }
        }
        return due;
    }

    /** Every campaign with mail work, due or not, as organization id to campaign ids. */
    public static Map<Long, List<Long>> workingCampaigns(Connection c) throws SQLException {
        Map<Long, List<Long>> campaigns = new TreeMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT org_id, campaign_id FROM " + CONTROL + ".mail_work");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                campaigns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        return campaigns;
    }
}
