package io.tidewatch.impersonation;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tidewatch.account.Caller;
import io.tidewatch.account.CallerIdentity;
import io.tidewatch.platform.web.ApiException;

/**
 * {@code /api/impersonations}: MSSP admins and granted staff start an impersonation of an organization and receive a
 * token that acts as that organization's admin until it ends or expires. Admins see and end every impersonation, staff
 * their own; a token may end its own impersonation and do nothing else here.
 */
@Path("/api/impersonations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImpersonationResource {

    private final Caller caller;
    private final ImpersonationService impersonations;

    ImpersonationResource(Caller caller, ImpersonationService impersonations) {
        this.caller = caller;
        this.impersonations = impersonations;
    }

    @POST
    public Response start(StartRequest request) {
        CallerIdentity who = caller.require();
        if (!ImpersonationService.mayImpersonate(who)) {
            throw impersonations.refuseStart(request == null ? null : request.orgId());
        }
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        ImpersonationService.Started started = impersonations.start(who, request.orgId(), request.reason(),
                request.minutes());
        return Response.status(201).entity(ImpersonationJson.of(started.impersonation(), started.token())).build();
    }

    @GET
    public List<ImpersonationJson> list() {
        return impersonations.list(caller.require()).stream().map(v -> ImpersonationJson.of(v, null)).toList();
    }

    @GET
    @Path("{id}")
    public ImpersonationJson get(@PathParam("id") long id) {
        return ImpersonationJson.of(impersonations.find(id, caller.require()), null);
    }

    @POST
    @Path("{id}/end")
    public ImpersonationJson end(@PathParam("id") long id) {
        return ImpersonationJson.of(impersonations.end(id, caller.require()), null);
    }

    /** The body of a start: the organization, why (required, at most 1,000 characters), and minutes (1-480, 60). */
    public record StartRequest(Long orgId, String reason, Integer minutes) {
    }

    /** An impersonation on the wire; {@code token} only in the response that started it. */
    public record ImpersonationJson(long id, long staffAccountId, String staffUsername, long orgId, String reason,
            Instant startedAt, Instant expiresAt, Instant endedAt, Long endedBy, String endReason, String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

        static ImpersonationJson of(ImpersonationView v, String token) {
            return new ImpersonationJson(v.id(), v.staffAccountId(), v.staffUsername(), v.orgId(), v.reason(),
                    v.startedAt(), v.expiresAt(), v.endedAt(), v.endedBy(), v.endReason(), v.status(), token);
        }
    }
}
