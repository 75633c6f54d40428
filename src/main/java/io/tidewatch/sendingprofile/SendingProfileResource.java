package io.tidewatch.sendingprofile;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;
import io.tidewatch.platform.web.InvalidJson;
import io.tidewatch.platform.web.Paging;
import io.tidewatch.tenancy.TenantScoped;

/** Gophish's {@code /api/smtp/}: org admins write (sending profiles are theirs), everyone else reads. */
@Path("/api/smtp")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SendingProfileResource {

    static final String INVALID = "Invalid request";

    private final SendingProfileService profiles;
    private final TenantAccess access;

    SendingProfileResource(SendingProfileService profiles, TenantAccess access) {
        this.profiles = profiles;
        this.access = access;
    }

    @GET
    public List<ProfileView> list(@RestQuery String limit, @RestQuery String offset) {
        return profiles.list(Paging.of(limit, offset));
    }

    @POST
    public Response create(@InvalidJson(INVALID) ProfileRequest request) {
        access.require(OrgRole.ADMIN);
        return Response.status(201).entity(profiles.create(required(request))).build();
    }

    @GET
    @Path("{id}")
    public ProfileView get(@RestPath long id) {
        return profiles.find(id).orElseThrow(() -> ApiException.notFound(SendingProfileService.NOT_FOUND));
    }

    @PUT
    @Path("{id}")
    public ProfileView update(@RestPath long id, @InvalidJson(INVALID) ProfileRequest request) {
        access.require(OrgRole.ADMIN);
        return profiles.update(id, required(request));
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@RestPath long id) {
        access.require(OrgRole.ADMIN);
        profiles.delete(id);
        return Envelope.ok("SMTP Deleted Successfully");
    }

    private static ProfileRequest required(ProfileRequest request) {
        if (request == null) {
            throw ApiException.badRequest(INVALID);
        }
        return request;
    }
}
