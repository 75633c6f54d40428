package io.tidewatch.group;

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

/** Gophish's {@code /api/groups/}: operators and admins write, viewers read. */
@Path("/api/groups")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GroupResource {

    private final GroupService groups;
    private final TenantAccess access;

    GroupResource(GroupService groups, TenantAccess access) {
        this.groups = groups;
        this.access = access;
    }

    @GET
    public List<GroupView> list(@RestQuery String limit, @RestQuery String offset) {
        return groups.list(Paging.of(limit, offset));
    }

    @POST
    public Response create(GroupRequest request) {
        access.require(OrgRole.OPERATOR);
        return Response.status(201).entity(groups.create(required(request))).build();
    }

    @GET
    @Path("summary")
    public GroupSummariesView summaries(@RestQuery String limit, @RestQuery String offset) {
        return groups.summaries(Paging.of(limit, offset));
    }

    @GET
    @Path("{id}")
    public GroupView get(@RestPath long id) {
        return groups.find(id).orElseThrow(() -> ApiException.notFound(GroupService.NOT_FOUND));
    }

    @GET
    @Path("{id}/summary")
    public GroupSummaryView summary(@RestPath long id) {
        return groups.summary(id).orElseThrow(() -> ApiException.notFound(GroupService.NOT_FOUND));
    }

    @PUT
    @Path("{id}")
    public GroupView update(@RestPath long id, GroupRequest request) {
        access.require(OrgRole.OPERATOR);
        return groups.update(id, required(request));
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@RestPath long id) {
        access.require(OrgRole.OPERATOR);
        groups.delete(id);
        return Envelope.ok("Group deleted successfully!");
    }

    private static GroupRequest required(GroupRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        return request;
    }
}
