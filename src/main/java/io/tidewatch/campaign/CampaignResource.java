package io.tidewatch.campaign;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Gophish's {@code /api/campaigns}: operators create, complete and delete; viewers read. Lists and results accept
 * {@code limit}/{@code offset}; without them everything is returned, as Gophish clients expect. Large answers are
 * streamed from the database.
 */
@Path("/api/campaigns")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final TenantAccess access;

    CampaignResource(CampaignService campaigns, TenantAccess access) {
        this.campaigns = campaigns;
        this.access = access;
    }

    @GET
    public Response list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int[] window = window(limit, offset);
        return json(200, out -> campaigns.writeList(out, window[0], window[1]));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CampaignRequest request) {
        access.require(OrgRole.OPERATOR);
        CampaignService.Created created = campaigns.create(request);
        return json(201, out -> campaigns.writeOne(out, created.id(), created.groups()));
    }

    @GET
    @Path("summary")
    public Response summaries(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int[] window = window(limit, offset);
        return json(200, out -> campaigns.writeSummaries(out, window[0], window[1]));
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        long campaignId = existing(id);
        return json(200, out -> campaigns.writeOne(out, campaignId, null));
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@PathParam("id") String id) {
        access.require(OrgRole.OPERATOR);
        campaigns.delete(parse(id));
        return Envelope.ok("Campaign deleted successfully!");
    }

    @GET
    @Path("{id}/results")
    public Response results(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        int[] window = window(limit, offset);
        long campaignId = existing(id);
        return json(200, out -> campaigns.writeResults(out, campaignId, window[0], window[1]));
    }

    @GET
    @Path("{id}/summary")
    public Response summary(@PathParam("id") String id) {
        long campaignId = existing(id);
        return json(200, out -> campaigns.writeSummary(out, campaignId));
    }

    /** Gophish completes with GET (its issue #3117); POST is accepted too. Either way only operators may. */
    @GET
    @Path("{id}/complete")
    public Envelope complete(@PathParam("id") String id) {
        long campaignId = parse(id);
        if (!campaigns.exists(campaignId)) {
            throw CampaignService.notFound();
        }
        access.require(OrgRole.OPERATOR);
        campaigns.complete(campaignId);
        return Envelope.ok("Campaign completed successfully!");
    }

    @POST
    @Path("{id}/complete")
    public Envelope completeByPost(@PathParam("id") String id) {
        return complete(id);
    }

    private long existing(String id) {
        long campaignId = parse(id);
        if (!campaigns.exists(campaignId)) {
            throw CampaignService.notFound();
        }
        return campaignId;
    }

    private static long parse(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Not a campaign id: answered like a missing campaign.
        }
        throw CampaignService.notFound();
    }

    /** {@code [offset, limit]}, limit -1 for everything. */
    static int[] window(String limit, String offset) {
        return new int[] { number(offset, "offset", 0), number(limit, "limit", -1) };
    }

    private static int number(String value, String name, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the parameter's name.
        }
        throw ApiException.badRequest(name + ": must be a non-negative integer");
    }

    private static Response json(int status, StreamingOutput body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
