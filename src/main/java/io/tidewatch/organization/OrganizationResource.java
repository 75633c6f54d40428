package io.tidewatch.organization;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tidewatch.account.Caller;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;

/**
 * {@code /api/organizations/}: the MSSP's client organizations. MSSP admins create, change and delete them and see
 * them all; everyone else sees the organizations they are a member of.
 */
@Path("/api/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private final Caller caller;
    private final OrganizationService organizations;
    private final MembershipService memberships;

    OrganizationResource(Caller caller, OrganizationService organizations, MembershipService memberships) {
        this.caller = caller;
        this.organizations = organizations;
        this.memberships = memberships;
    }

    @GET
    public List<OrganizationJson> list() {
        Optional<List<Long>> visible = caller.isMsspAdmin() ? Optional.empty()
                : Optional.of(memberships.orgIdsOf(caller.require()));
        return organizations.list(visible).stream().map(OrganizationJson::of).toList();
    }

    @POST
    public Response create(OrganizationRequest request) {
        caller.requireMsspAdmin();
        OrganizationView created = organizations.create(request, caller.accountId());
        return Response.status(201).entity(OrganizationJson.of(created)).build();
    }

    @GET
    @Path("{id}")
    public OrganizationJson get(@PathParam("id") long id) {
        requireVisible(id);
        return OrganizationJson.of(organizations.find(id).orElseThrow(() -> ApiException.notFound("Organization not found")));
    }

    @PUT
    @Path("{id}")
    public OrganizationJson update(@PathParam("id") long id, OrganizationRequest request) {
        caller.requireMsspAdmin();
        return OrganizationJson.of(organizations.update(id, request));
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@PathParam("id") long id) {
        caller.requireMsspAdmin();
        long exportId = organizations.delete(id, caller.accountId());
        return Envelope.ok("Organization deleted successfully!",
                Map.of("export_id", exportId, "export_url", "/api/organizations/exports/" + exportId));
    }

    @GET
    @Path("exports/{exportId}")
    @Produces("application/zip")
    public Response export(@PathParam("exportId") long exportId) {
        caller.requireMsspAdmin();
        byte[] zip = organizations.exportContent(exportId).orElseThrow(() -> ApiException.notFound("Export not found"));
        return Response.ok(zip, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"organization-export-" + exportId + ".zip\"")
                .build();
    }

    private void requireVisible(long id) {
        if (!caller.isMsspAdmin() && memberships.roleOf(caller.require(), id).isEmpty()) {
            throw ApiException.forbidden();
        }
    }

    /** An organization on the wire, in the order of SPEC §3. */
    public record OrganizationJson(long id, String name, String slug, int seatCap, long seatsUsed, String supportUrl,
            String host, Instant createdAt) {

        static OrganizationJson of(OrganizationView v) {
            return new OrganizationJson(v.id(), v.name(), v.slug(), v.seatCap(), v.seatsUsed(), v.supportUrl(), v.host(),
                    v.createdAt());
        }
    }
}
