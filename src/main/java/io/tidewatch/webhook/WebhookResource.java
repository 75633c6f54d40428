package io.tidewatch.webhook;

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

/** Gophish's {@code /api/webhooks/}: org admins only, for reading too (Gophish requires modify_system). */
@Path("/api/webhooks")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService webhooks;
    private final TenantAccess access;

    WebhookResource(WebhookService webhooks, TenantAccess access) {
        this.webhooks = webhooks;
        this.access = access;
    }

    @GET
    public List<WebhookView> list(@RestQuery String limit, @RestQuery String offset) {
        access.require(OrgRole.ADMIN);
        return webhooks.list(Paging.of(limit, offset));
    }

    @POST
    public Response create(WebhookRequest request) {
        access.require(OrgRole.ADMIN);
        return Response.status(201).entity(webhooks.create(required(request))).build();
    }

    @GET
    @Path("{id}")
    public WebhookView get(@RestPath long id) {
        access.require(OrgRole.ADMIN);
        return webhooks.find(id).orElseThrow(() -> ApiException.notFound(WebhookService.NOT_FOUND));
    }

    @PUT
    @Path("{id}")
    public WebhookView update(@RestPath long id, WebhookRequest request) {
        access.require(OrgRole.ADMIN);
        return webhooks.update(id, required(request));
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@RestPath long id) {
        access.require(OrgRole.ADMIN);
        webhooks.delete(id);
        return Envelope.ok("Webhook deleted Successfully!");
    }

    @POST
    @Path("{id}/validate")
    public WebhookView validate(@RestPath long id) {
        access.require(OrgRole.ADMIN);
        return webhooks.validate(id);
    }

    private static WebhookRequest required(WebhookRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        return request;
    }
}
