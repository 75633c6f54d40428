package io.tidewatch.campaign.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import io.tidewatch.campaign.CampaignMaterials.AttachmentMaterial;
import io.tidewatch.campaign.CampaignMaterials.GroupMaterial;
import io.tidewatch.campaign.CampaignMaterials.HeaderMaterial;
import io.tidewatch.campaign.CampaignMaterials.PageMaterial;
import io.tidewatch.campaign.CampaignMaterials.ProfileMaterial;
import io.tidewatch.campaign.CampaignMaterials.TargetMaterial;
import io.tidewatch.campaign.CampaignMaterials.TemplateMaterial;
import io.tidewatch.platform.web.GoTime;

/**
 * Writes Gophish's campaign JSON (field names and order as Gophish emits them) straight from the database to the
 * response: results and timeline rows are streamed from a cursor, never held in memory all at once.
 */
public final class CampaignJson {

    /** Gophish's name for a referenced resource that has since been deleted. */
    public static final String DELETED = "[Deleted]";

    private static final int FETCH = 1000;

    private CampaignJson() {
    }

    /** Which parts of a campaign object to write. */
    public record Parts(boolean results, boolean timeline, List<GroupMaterial> groups, Window window) {
    }

    /** A window over the results ({@code limit} negative: all). */
    public record Window(int offset, int limit) {

        /** Everything. */
        public static final Window ALL = new Window(0, -1);

        boolean isAll() {
            return offset == 0 && limit < 0;
        }
    }

    /** Which snapshotted resources no longer exist in the tenant (shown as Gophish's "[Deleted]"). */
    public record Deleted(boolean template, boolean page, boolean profile) {
    }

    /** The Campaign object. */
    public static void campaign(JsonGenerator g, Connection c, CampaignRow row, Snapshot snapshot, Deleted deleted,
            Parts parts) throws IOException, SQLException {
        g.writeStartObject();
        g.writeNumberField("id", row.id());
        g.writeStringField("name", row.name());
        dates(g, row);
        template(g, deleted.template() ? null : snapshot.template());
        page(g, deleted.page() ? null : snapshot.page());
        g.writeStringField("status", row.status());
        if (parts.results()) {
            g.writeFieldName("results");
            results(g, c, row.id(), parts.window());
        }
        if (parts.groups() != null) {
            groups(g, parts.groups());
        }
        if (parts.timeline()) {
            g.writeFieldName("timeline");
            timeline(g, c, row.id(), parts.window());
        }
        smtp(g, deleted.profile() ? null : snapshot.profile());
        g.writeStringField("url", row.url());
        g.writeEndObject();
    }

    /** The CampaignResults object of {@code /campaigns/{id}/results}. */
    public static void results(JsonGenerator g, Connection c, CampaignRow row, Window window)
            throws IOException, SQLException {
        g.writeStartObject();
        g.writeNumberField("id", row.id());
        g.writeStringField("name", row.name());
        g.writeStringField("status", row.status());
        g.writeFieldName("results");
        results(g, c, row.id(), window);
        g.writeFieldName("timeline");
        timeline(g, c, row.id(), window);
        g.writeEndObject();
    }

    /** The CampaignSummary object. */
    public static void summary(JsonGenerator g, CampaignRow row, Map<String, Long> counts) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", row.id());
        g.writeStringField("created_date", GoTime.format(row.createdDate()));
        g.writeStringField("launch_date", GoTime.format(row.launchDate()));
        g.writeStringField("send_by_date", GoTime.format(row.sendByDate()));
        g.writeStringField("completed_date", GoTime.format(row.completedDate()));
        g.writeStringField("status", row.status());
        g.writeStringField("name", row.name());
        Stats stats = Stats.of(counts);
        g.writeObjectFieldStart("stats");
        g.writeNumberField("total", stats.total());
        g.writeNumberField("sent", stats.sent());
        g.writeNumberField("opened", stats.opened());
        g.writeNumberField("clicked", stats.clicked());
        g.writeNumberField("submitted_data", stats.submittedData());
        g.writeNumberField("email_reported", stats.emailReported());
        g.writeNumberField("error", stats.error());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void dates(JsonGenerator g, CampaignRow row) throws IOException {
        g.writeStringField("created_date", GoTime.format(row.createdDate()));
        g.writeStringField("launch_date", GoTime.format(row.launchDate()));
        g.writeStringField("send_by_date", GoTime.format(row.sendByDate()));
        g.writeStringField("completed_date", GoTime.format(row.completedDate()));
    }

    private static void template(JsonGenerator g, TemplateMaterial t) throws IOException {
        g.writeObjectFieldStart("template");
        g.writeNumberField("id", t == null ? 0 : t.id());
        g.writeStringField("name", t == null ? DELETED : t.name());
        g.writeStringField("envelope_sender", t == null ? "" : t.envelopeSender());
        g.writeStringField("subject", t == null ? "" : t.subject());
        g.writeStringField("text", t == null ? "" : t.text());
        g.writeStringField("html", t == null ? "" : t.html());
        g.writeStringField("modified_date", GoTime.format(t == null ? null : t.modifiedDate()));
        g.writeArrayFieldStart("attachments");
        if (t != null) {
            for (AttachmentMaterial a : t.attachments()) {
                g.writeStartObject();
                g.writeStringField("content", a.content());
                g.writeStringField("type", a.type());
                g.writeStringField("name", a.name());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void page(JsonGenerator g, PageMaterial p) throws IOException {
        g.writeObjectFieldStart("page");
        g.writeNumberField("id", p == null ? 0 : p.id());
        g.writeStringField("name", p == null ? DELETED : p.name());
        g.writeStringField("html", p == null ? "" : p.html());
        g.writeBooleanField("capture_credentials", p != null && p.captureCredentials());
        g.writeBooleanField("capture_passwords", p != null && p.capturePasswords());
        g.writeStringField("redirect_url", p == null ? "" : p.redirectUrl());
        g.writeStringField("modified_date", GoTime.format(p == null ? null : p.modifiedDate()));
        g.writeEndObject();
    }

    private static void smtp(JsonGenerator g, ProfileMaterial s) throws IOException {
        g.writeObjectFieldStart("smtp");
        g.writeNumberField("id", s == null ? 0 : s.id());
        g.writeStringField("interface_type", s == null ? "" : "SMTP");
        g.writeStringField("name", s == null ? DELETED : s.name());
        g.writeStringField("host", s == null ? "" : s.host());
        if (s != null && !s.username().isEmpty()) {
            g.writeStringField("username", s.username());
        }
        g.writeStringField("from_address", s == null ? "" : s.fromAddress());
        g.writeBooleanField("ignore_cert_errors", s != null && s.ignoreCertErrors());
        g.writeArrayFieldStart("headers");
        if (s != null) {
            for (HeaderMaterial h : s.headers()) {
                g.writeStartObject();
                g.writeStringField("key", h.key());
                g.writeStringField("value", h.value());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeStringField("modified_date", GoTime.format(s == null ? null : s.modifiedDate()));
        g.writeEndObject();
    }

    private static void groups(JsonGenerator g, List<GroupMaterial> groups) throws IOException {
        g.writeArrayFieldStart("groups");
        for (GroupMaterial group : groups) {
            g.writeStartObject();
            g.writeNumberField("id", group.id());
            g.writeStringField("name", group.name());
            g.writeStringField("modified_date", GoTime.format(group.modifiedDate()));
            g.writeArrayFieldStart("targets");
            for (TargetMaterial t : group.targets()) {
                g.writeStartObject();
                g.writeStringField("email", t.email());
                g.writeStringField("first_name", t.firstName());
                g.writeStringField("last_name", t.lastName());
                g.writeStringField("position", t.position());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void results(JsonGenerator g, Connection c, long campaignId, Window window)
            throws IOException, SQLException {
        g.writeStartArray();
        String sql = "SELECT rid, status, ip, latitude, longitude, send_date, reported, modified_date, email,"
                + " first_name, last_name, job_position FROM campaign_result WHERE campaign_id = ? ORDER BY id"
                + window(window);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setFetchSize(FETCH);
            select.setLong(1, campaignId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    g.writeStartObject();
                    g.writeStringField("id", rs.getString(1));
                    g.writeStringField("status", rs.getString(2));
                    g.writeStringField("ip", rs.getString(3));
                    g.writeNumberField("latitude", rs.getDouble(4));
                    g.writeNumberField("longitude", rs.getDouble(5));
                    g.writeStringField("send_date", GoTime.format(instant(rs, 6)));
                    g.writeBooleanField("reported", rs.getBoolean(7));
                    g.writeStringField("modified_date", GoTime.format(instant(rs, 8)));
                    g.writeStringField("email", rs.getString(9));
                    g.writeStringField("first_name", rs.getString(10));
                    g.writeStringField("last_name", rs.getString(11));
                    g.writeStringField("position", rs.getString(12));
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    /**
     * The timeline: all of the campaign's events; with a results window, the events of the results in that window
     * (and the campaign-level events with the first window).
     */
    private static void timeline(JsonGenerator g, Connection c, long campaignId, Window window)
            throws IOException, SQLException {
        g.writeStartArray();
        String sql = "SELECT campaign_id, email, event_time, message, details FROM campaign_event WHERE campaign_id = ?";
        if (!window.isAll()) {
            sql += " AND (result_id IN (SELECT id FROM campaign_result WHERE campaign_id = ? ORDER BY id"
                    + window(window) + ")" + (window.offset() == 0 ? " OR result_id IS NULL)" : ")");
        }
        sql += " ORDER BY id";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setFetchSize(FETCH);
            select.setLong(1, campaignId);
            if (!window.isAll()) {
                select.setLong(2, campaignId);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    g.writeStartObject();
                    g.writeNumberField("campaign_id", rs.getLong(1));
                    g.writeStringField("email", rs.getString(2));
                    g.writeStringField("time", GoTime.format(instant(rs, 3)));
                    g.writeStringField("message", rs.getString(4));
                    g.writeStringField("details", rs.getString(5));
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
    }

    private static String window(Window window) {
        if (window.isAll()) {
            return "";
        }
        String sql = " OFFSET " + window.offset() + " ROWS";
        return window.limit() >= 0 ? sql + " FETCH FIRST " + window.limit() + " ROWS ONLY" : sql;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
