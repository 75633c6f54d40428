package io.tidewatch.campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.tidewatch.campaign.internal.ControlRows;
import io.tidewatch.campaign.internal.ResultRows;
import io.tidewatch.campaign.internal.Sql;
import io.tidewatch.tenancy.TenantWork;

/**
 * How much campaign e-mail is waiting, across organizations. Only campaigns listed in the control schema's mail work
 * are counted, one indexed query per organization that has any, so idle organizations cost nothing.
 */
@ApplicationScoped
public class MailQueue {

    private final AgroalDataSource dataSource;
    private final TenantWork tenantWork;
    private final Sql sql;

    MailQueue(AgroalDataSource dataSource, TenantWork tenantWork, Sql sql) {
        this.dataSource = dataSource;
        this.tenantWork = tenantWork;
        this.sql = sql;
    }

    /** Messages scheduled, due or being sent right now, summed over every organization. */
    public long depth() {
        Map<Long, List<Long>> working;
        try (Connection c = dataSource.getConnection()) {
            working = ControlRows.workingCampaigns(c);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the mail work", e);
        }
        long depth = 0;
        for (Map.Entry<Long, List<Long>> org : working.entrySet()) {
            try {
                depth += tenantWork.call(org.getKey(), () -> sql.tenant(c -> ResultRows.unsent(c, org.getValue())));
            } catch (RuntimeException e) {
                // An organization being deleted right now: its mail work goes with it.
                Log.debugf(e, "Mail queue of organization %d not counted", org.getKey());
            }
        }
        return depth;
    }
}
