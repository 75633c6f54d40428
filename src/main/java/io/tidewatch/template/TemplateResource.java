package io.tidewatch.template;

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
import io.tidewatch.platform.web.Paging;
import io.tidewatch.tenancy.TenantScoped;

/** Gophish's {@code /api/templates/}: operators and admins write, viewers read. */
@Path("/api/templates")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TemplateResource {

    private final TemplateService templates;
    private final TenantAccess access;

    TemplateResource(TemplateService templates, TenantAccess access) {
        this.templates = templates;
        this.access = access;
    }

    @GET
    public List<TemplateView> list(@RestQuery String limit, @RestQuery String offset) {
        return templates.list(Paging.of(limit, offset));
    }

    @POST
    public Response create(TemplateRequest request) {
        access.require(OrgRole.OPERATOR);
        return Response.status(201).entity(templates.create(required(request))).build();
    }

    @GET
    @Path("{id}")
    public TemplateView get(@RestPath long id) {
        return templates.find(id).orElseThrow(() -> ApiException.notFound(TemplateService.NOT_FOUND));
    }

    @PUT
    @Path("{id}")
    public TemplateView update(@RestPath long id, TemplateRequest request) {
        access.require(OrgRole.OPERATOR);
        return templates.update(id, required(request));
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@RestPath long id) {
        access.require(OrgRole.OPERATOR);
        templates.delete(id);
        return Envelope.ok("Template deleted successfully!");
    }

    private static TemplateRequest required(TemplateRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        return request;
    }
}
