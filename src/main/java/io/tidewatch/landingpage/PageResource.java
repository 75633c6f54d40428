package io.tidewatch.landingpage;

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

/** Gophish's {@code /api/pages/}: operators and admins write, viewers read. */
@Path("/api/pages")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PageResource {

    static final String INVALID = "Invalid request";

    private final PageService pages;
    private final TenantAccess access;

    PageResource(PageService pages, TenantAccess access) {
        this.pages = pages;
        this.access = access;
    }

    @GET
    public List<PageView> list(@RestQuery String limit, @RestQuery String offset) {
        return pages.list(Paging.of(limit, offset));
    }

    @POST
    public Response create(@InvalidJson(INVALID) PageRequest request) {
        access.require(OrgRole.OPERATOR);
        return Response.status(201).entity(pages.create(required(request))).build();
    }

    @GET
    @Path("{id}")
    public PageView get(@RestPath long id) {
        return pages.find(id).orElseThrow(() -> ApiException.notFound(PageService.NOT_FOUND));
    }

    @PUT
    @Path("{id}")
    public PageView update(@RestPath long id, @InvalidJson(INVALID) PageRequest request) {
        access.require(OrgRole.OPERATOR);
        return pages.update(id, required(request));
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@RestPath long id) {
        access.require(OrgRole.OPERATOR);
        pages.delete(id);
        return Envelope.ok("Page Deleted Successfully");
    }

    private static PageRequest required(PageRequest request) {
        if (request == null) {
            throw ApiException.badRequest(INVALID);
        }
        return request;
    }
}
