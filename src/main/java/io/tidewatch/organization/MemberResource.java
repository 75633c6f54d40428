package io.tidewatch.organization;

import java.time.Instant;
import java.util.List;

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
 * {@code /api/organizations/{id}/members}: who belongs to an organization and with which role. For MSSP admins and
 * the organization's own admins; everyone else gets 403.
 */
@Path("/api/organizations/{orgId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MemberResource {

    private final Caller caller;
    private final MembershipService memberships;

    MemberResource(Caller caller, MembershipService memberships) {
        this.caller = caller;
        this.memberships = memberships;
    }

    @GET
    public List<MemberJson> list(@PathParam("orgId") long orgId) {
        requireAdmin(orgId);
        if (!memberships.isActiveOrganization(orgId)) {
            throw ApiException.notFound("Organization not found");
        }
        return memberships.list(orgId).stream().map(MemberJson::of).toList();
    }

    /**
     * Adds an existing account by id. MSSP admins may add any account; an organization's admins may add a client account
     * that belongs to no other organization. For them, a staff account, another organization's client and a missing id
     * are all the same 403, so the platform's other accounts stay invisible.
     */
    @POST
    public Response add(@PathParam("orgId") long orgId, MemberRequest request) {
        requireAdmin(orgId);
        if (request == null || request.userId() == null) {
            throw ApiException.badRequest("user_id: is required");
        }
        OrgRole role = role(request.role(), true);
        if (!caller.isMsspAdmin() && !memberships.isClientAvailableTo(orgId, request.userId())) {
            throw ApiException.forbidden();
        }
        MemberView added = memberships.add(orgId, request.userId(), role);
        return Response.status(201).entity(MemberJson.of(added)).build();
    }

    @PUT
    @Path("{userId}")
    public MemberJson change(@PathParam("orgId") long orgId, @PathParam("userId") long userId, MemberRequest request) {
        requireAdmin(orgId);
        requireManageable(userId);
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        return MemberJson.of(memberships.change(orgId, userId, role(request.role(), false), request.active()));
    }

    @DELETE
    @Path("{userId}")
    public Envelope remove(@PathParam("orgId") long orgId, @PathParam("userId") long userId) {
        requireAdmin(orgId);
        requireManageable(userId);
        memberships.remove(orgId, userId);
        return Envelope.ok("Member removed successfully!");
    }

    private void requireAdmin(long orgId) {
        if (caller.isMsspAdmin()) {
            return;
        }
        OrgRole role = memberships.roleOf(caller.require(), orgId).orElseThrow(ApiException::forbidden);
        if (role != OrgRole.ADMIN) {
            throw ApiException.forbidden();
        }
    }

    /** Org admins manage their client members; MSSP staff memberships are the MSSP admin's to change. */
    private void requireManageable(long userId) {
        if (!caller.isMsspAdmin() && !memberships.isClientAccount(userId)) {
            throw ApiException.forbidden();
        }
    }

    private static OrgRole role(String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ApiException.badRequest("role: is required (admin, operator, viewer or learner)");
            }
            return null;
        }
        return OrgRole.fromWire(value)
                .orElseThrow(() -> ApiException.badRequest("role: must be admin, operator, viewer or learner"));
    }

    /** The body of an add or change: {@code user_id} (add only), {@code role}, {@code active} (change only). */
    public record MemberRequest(Long userId, String role, Boolean active) {
    }

    /** A member on the wire. */
    public record MemberJson(long userId, String username, String role, boolean active, boolean takesSeat,
            Instant createdAt) {

        static MemberJson of(MemberView v) {
            return new MemberJson(v.userId(), v.username(), v.role().wireName(), v.active(), v.takesSeat(), v.createdAt());
        }
    }
}
