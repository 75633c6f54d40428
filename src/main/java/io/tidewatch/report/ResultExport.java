package io.tidewatch.report;

import java.io.OutputStream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.campaign.CampaignService;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.report.internal.ReportSql;
import io.tidewatch.report.internal.ResultsCsv;

/** Exports a campaign's results of the current tenant as CSV; every export is audited. */
@ApplicationScoped
public class ResultExport {

    private final CampaignService campaigns;
    private final ReportSql sql;
    private final AuditLog audit;

    ResultExport(CampaignService campaigns, ReportSql sql, AuditLog audit) {
        this.campaigns = campaigns;
        this.sql = sql;
        this.audit = audit;
    }

    /** The campaign id, if it names a campaign of this tenant; otherwise 404, as for any missing campaign. */
    public long existing(String id) {
        long campaignId;
        try {
            campaignId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw notFound();
        }
        if (campaignId <= 0 || !campaigns.exists(campaignId)) {
            throw notFound();
        }
        audit.record(AuditEvent.of("campaign.results_export").target("campaign", campaignId).details("format=csv"));
        return campaignId;
    }

    /** Streams the results in one read transaction. */
    public void write(long campaignId, OutputStream out) {
        QuarkusTransaction.requiringNew().run(() -> sql.tenant(q -> {
            ResultsCsv.write(q, campaignId, out);
            return null;
        }));
    }

    private static ApiException notFound() {
        return ApiException.notFound("Campaign not found");
    }
}
