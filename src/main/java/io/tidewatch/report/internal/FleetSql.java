package io.tidewatch.report.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.tidewatch.tenancy.TenantSchemas;

/**
 * The fleet view's figures for one organization, read across tenants by the MSSP: the only report SQL that names a
 * tenant schema, always one built (and validated) by {@link TenantSchemas}, never text from a request.
 */
@ApplicationScoped
public class FleetSql {

    private final AgroalDataSource dataSource;

    FleetSql(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * An organization's last launch up to {@code to} (its name and date, both null when there is none) and the funnel
     * of the campaigns launched in {@code [from, to)}.
     */
    public record FleetFigures(String lastCampaignName, Instant lastCampaign, long campaigns, Tally tally) {
    }

    /** The figures of organization {@code orgId}. */
    public FleetFigures figures(long orgId, Instant from, Instant to) {
        String schema = TenantSchemas.requireSafe(TenantSchemas.of(orgId));
        try (Connection c = dataSource.getConnection()) {
            String lastName = null;
            Instant last = null;
            try (PreparedStatement s = c.prepareStatement("SELECT c.name, c.launch_date AS last_launch FROM " + schema
                    + ".campaign c WHERE c.launch_date <= ? ORDER BY c.launch_date DESC, c.id DESC LIMIT 1")) {
                s.setObject(1, to.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        lastName = rs.getString("name");
                        last = ReportSql.instant(rs, "last_launch");
                    }
                }
            }
            long campaigns;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + schema
                    + ".campaign c WHERE c.launch_date >= ? AND c.launch_date < ?")) {
                ReportSql.bindPeriod(s, 1, from, to);
                campaigns = ReportSql.single(s);
            }
            Tally tally;
            try (PreparedStatement s = c.prepareStatement("SELECT " + Tally.COLUMNS + " FROM " + schema + ".campaign c JOIN "
                    + schema + ".campaign_result r ON r.campaign_id = c.id WHERE c.launch_date >= ? AND c.launch_date < ?")) {
                ReportSql.bindPeriod(s, 1, from, to);
                try (ResultSet rs = s.executeQuery()) {
                    tally = rs.next() ? Tally.read(rs) : Tally.EMPTY;
                }
            }
            return new FleetFigures(lastName, last, campaigns, tally);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the fleet figures of organization " + orgId, e);
        }
    }
}
