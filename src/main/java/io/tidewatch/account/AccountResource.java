package io.tidewatch.account;

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

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;

/**
 * {@code /api/accounts}: the MSSP admin's account management (MSSP staff, and client accounts before they join an
 * organization). A Tidewatch extension; Gophish's {@code /api/users/} acts on the current organization's members.
 */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final Caller caller;
    private final AccountService accounts;

    AccountResource(Caller caller, AccountService accounts) {
        this.caller = caller;
        this.accounts = accounts;
    }

    @GET
    public List<AccountJson> list() {
        caller.requireMsspAdmin();
        return accounts.list().stream().map(a -> AccountJson.of(a, null)).toList();
    }

    @POST
    public Response create(AccountRequest request) {
        caller.requireMsspAdmin();
        AccountRequest body = requireBody(request);
        PlatformRole role = body.platformRoleOrDefault();
        NewAccount created = accounts.create(body.username(), body.password(), role,
                Boolean.TRUE.equals(body.canImpersonate()));
        return Response.status(201).entity(AccountJson.of(created.account(), created.apiKey())).build();
    }

    @GET
    @Path("{id}")
    public AccountJson get(@PathParam("id") long id) {
        caller.requireMsspAdmin();
        return AccountJson.of(accounts.find(id).orElseThrow(() -> ApiException.notFound("User not found")), null);
    }

    @PUT
    @Path("{id}")
    public AccountJson update(@PathParam("id") long id, AccountRequest request) {
        caller.requireMsspAdmin();
        AccountRequest body = requireBody(request);
        PlatformRole role = body.platformRole() == null ? null : body.platformRoleOrDefault();
        if (id == caller.accountId() && (Boolean.TRUE.equals(body.accountLocked())
                || (role != null && role != PlatformRole.MSSP_ADMIN))) {
            throw ApiException.badRequest("You cannot lock or demote your own account");
        }
        AccountChange change = new AccountChange(body.username(), body.password(), role, body.canImpersonate(),
                body.accountLocked(), null, null);
        return AccountJson.of(accounts.update(id, change), null);
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@PathParam("id") long id) {
        caller.requireMsspAdmin();
        if (id == caller.accountId()) {
            throw ApiException.badRequest("You cannot delete your own account");
        }
        accounts.delete(id);
        return Envelope.ok("Account deleted successfully!");
    }

    private static AccountRequest requireBody(AccountRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        return request;
    }

    /** The request body: {@code platform_role} is {@code mssp_admin}, {@code mssp_staff} or {@code client}. */
    public record AccountRequest(String username, String password, String platformRole, Boolean canImpersonate,
            Boolean accountLocked) {

        PlatformRole platformRoleOrDefault() {
            if (platformRole == null || platformRole.isBlank()) {
                return PlatformRole.CLIENT;
            }
            return PlatformRole.fromWire(platformRole)
                    .orElseThrow(() -> ApiException.badRequest("platform_role: must be mssp_admin, mssp_staff or client"));
        }
    }

    /** The response body; {@code api_key} is present only in the response that created the account. */
    public record AccountJson(long id, String username, String platformRole, boolean canImpersonate, boolean active,
            boolean accountLocked, boolean passwordChangeRequired, Instant lastLogin, Instant createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey) {

        static AccountJson of(AccountView a, String apiKey) {
            return new AccountJson(a.id(), a.username(), a.role().wireName(), a.canImpersonate(), a.active(),
                    a.locked(), a.passwordChangeRequired(), a.lastLogin(), a.createdAt(), apiKey);
        }
    }
}
