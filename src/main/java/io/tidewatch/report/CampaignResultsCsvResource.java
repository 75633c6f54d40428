package io.tidewatch.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.tidewatch.tenancy.TenantScoped;

/**
 * A campaign's results as CSV, beside the engine's JSON: {@code GET /api/campaigns/{id}/results} with
 * {@code Accept: text/csv}, or {@code GET /api/campaigns/{id}/results.csv}. Viewers may export; streamed.
 */
@Path("/api/campaigns")
@TenantScoped
public class CampaignResultsCsvResource {

    static final String CSV = "text/csv";

    private final ResultExport export;

    CampaignResultsCsvResource(ResultExport export) {
        this.export = export;
    }

    @GET
    @Path("{id}/results")
    @Produces(CSV)
    public Response results(@PathParam("id") String id) {
        return csv(id);
    }

    /** The file form answers CSV whatever the client accepts: its name already says what it is. */
    @GET
    @Path("{id}/results.csv")
    public Response resultsFile(@PathParam("id") String id) {
        return csv(id);
    }

    private Response csv(String id) {
        long campaignId = export.existing(id);
        return Response.ok((StreamingOutput) out -> export.write(campaignId, out),
                CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"campaign-" + campaignId + "-results.csv\"")
                .header("Cache-Control", "no-store").build();
    }
}
