package io.tidewatch.imap;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.TenantAccess;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;
import io.tidewatch.platform.web.InvalidJson;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Gophish's {@code /api/imap/}: the tenant's reporting mailbox; org admins only. As in Gophish, a failed login check
 * answers 200 with {@code success: false}.
 */
@Path("/api/imap")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ImapResource {

    private final ImapService imap;
    private final TenantAccess access;

    ImapResource(ImapService imap, TenantAccess access) {
        this.imap = imap;
        this.access = access;
    }

    @GET
    public List<ImapView> get() {
        access.require(OrgRole.ADMIN);
        return imap.list();
    }

    @POST
    public Response save(@InvalidJson(ImapService.INVALID) ImapRequest request) {
        access.require(OrgRole.ADMIN);
        if (request == null) {
            throw ApiException.badRequest(ImapService.INVALID);
        }
        imap.save(request);
        return Response.status(201).entity(Envelope.ok("Successfully saved IMAP settings.")).build();
    }

    @POST
    @Path("validate")
    public Response validate(@InvalidJson(ImapService.INVALID) ImapRequest request) {
        access.require(OrgRole.ADMIN);
        if (request == null) {
            throw ApiException.badRequest(ImapService.INVALID);
        }
        return imap.checkLogin(request)
                .map(failure -> Response.ok(Envelope.error(failure)).build())
                .orElseGet(() -> Response.status(201).entity(Envelope.ok("Successful login.")).build());
    }
}
