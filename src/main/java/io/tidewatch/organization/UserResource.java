package io.tidewatch.organization;

import java.util.ArrayList;
import java.util.List;
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

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tidewatch.account.AccountChange;
import io.tidewatch.account.AccountService;
import io.tidewatch.account.Caller;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.platform.web.Envelope;
import io.tidewatch.platform.web.GoTime;
import io.tidewatch.tenancy.TenantScoped;

/**
 * Gophish's {@code /api/users/}, acting on the members of the organization the request acts in. Gophish role
 * {@code admin} is the org admin, {@code user} the operator; Tidewatch adds {@code viewer} and {@code learner}.
 * API keys are never returned (Gophish returned them in clear); {@code api_key} is always empty.
 */
@Path("/api/users")
@TenantScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserResource {

    private final Caller caller;
    private final TenantAccess access;
    private final MembershipService memberships;
    private final AccountService accounts;
    private final AuditLog audit;

    UserResource(Caller caller, TenantAccess access, MembershipService memberships, AccountService accounts,
            AuditLog audit) {
        this.caller = caller;
        this.access = access;
        this.memberships = memberships;
        this.accounts = accounts;
        this.audit = audit;
    }

    @GET
    public List<GophishUser> list() {
        access.require(OrgRole.ADMIN);
        return memberships.list(access.orgId()).stream().map(GophishUser::of).toList();
    }

    @POST
    public GophishUser create(UserRequest request) {
        access.require(OrgRole.ADMIN);
        UserRequest body = required(request);
        if (body.username() == null || body.username().isBlank()) {
            throw ApiException.badRequest("No username provided");
        }
        OrgRole role = body.orgRole().orElseThrow(() -> ApiException.badRequest("No role specified"));
        if (body.password() == null || body.password().isEmpty()) {
            throw ApiException.badRequest("No password provided");
        }
        MemberView created = memberships.createMember(access.orgId(), body.username(), body.password(), role);
        if (Boolean.TRUE.equals(body.passwordChangeRequired()) || Boolean.TRUE.equals(body.accountLocked())) {
            accounts.update(created.userId(), new AccountChange(null, null, null, null, body.accountLocked(),
                    body.passwordChangeRequired(), null));
        }
        return GophishUser.of(memberships.find(access.orgId(), created.userId()).orElseThrow());
    }

    @GET
    @Path("{id}")
    public GophishUser get(@PathParam("id") long id) {
        return GophishUser.of(visible(id));
    }

    @PUT
    @Path("{id}")
    public GophishUser update(@PathParam("id") long id, UserRequest request) {
        MemberView member = manageable(id);
        UserRequest body = required(request);
        boolean self = id == caller.accountId();
        boolean admin = access.role() == OrgRole.ADMIN;
        boolean adminOfAnother = admin && !self;
        OrgRole role = body.orgRole().orElse(null);
        if (role != null && role != member.role() && !admin) {
            throw ApiException.badRequest("Permission denied");
        }
        if (body.password() != null && body.password().isEmpty()) {
            throw ApiException.badRequest("No password provided");
        }
        long orgId = access.orgId();
        List<String> changed = new ArrayList<>();
        if (body.username() != null && !body.username().isBlank()
                && !AccountService.normalizeUsername(body.username()).equals(member.username())) {
            changed.add("username");
        }
        if (body.password() != null) {
            changed.add("password");
        }
        if (adminOfAnother && body.accountLocked() != null) {
            changed.add("account_locked");
        }
        if (adminOfAnother && body.passwordChangeRequired() != null) {
            changed.add("password_change_required");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            accounts.update(id, new AccountChange(body.username(), body.password(), null, null,
                    adminOfAnother ? body.accountLocked() : null, adminOfAnother ? body.passwordChangeRequired() : null,
                    null));
            if (!changed.isEmpty()) {
                audit.record(AuditEvent.of("member.update").org(orgId).target("account", id)
                        .details("changed=" + String.join(",", changed)));
            }
            if (role != null && role != member.role()) {
                memberships.change(orgId, id, role, null);
            }
            return GophishUser.of(memberships.find(orgId, id).orElseThrow());
        });
    }

    @DELETE
    @Path("{id}")
    public Envelope delete(@PathParam("id") long id) {
        manageable(id);
        memberships.removeAndDeleteClient(access.orgId(), id);
        return Envelope.ok("User deleted Successfully!");
    }

    /** A member of this organization the caller may see: itself, or anyone for an org admin; 404 otherwise. */
    private MemberView visible(long id) {
        MemberView member = memberships.find(access.orgId(), id).orElseThrow(() -> ApiException.notFound("User not found"));
        if (id != caller.accountId() && access.role() != OrgRole.ADMIN) {
            throw ApiException.forbidden();
        }
        return member;
    }

    /**
     * A member the caller may change: itself, or a client member for an org admin. MSSP staff accounts are platform
     * accounts: an org admin sees them but changes them only through the MSSP (403). An impersonation acts in the
     * organization, not as the staff member: through it, not even the staff member's own account can be changed (a
     * short-lived token must not set a lasting credential on a platform account).
     */
    private MemberView manageable(long id) {
        MemberView member = visible(id);
        boolean ownAccount = id == caller.accountId() && !caller.require().isImpersonating();
        if (!ownAccount && !memberships.isClientAccount(id)) {
            throw ApiException.forbidden();
        }
        return member;
    }

    private static UserRequest required(UserRequest request) {
        if (request == null) {
            throw ApiException.badRequest("Invalid JSON structure");
        }
        return request;
    }

    /** Gophish's user request body. */
    public record UserRequest(String username, String password, String role, Boolean passwordChangeRequired,
            Boolean accountLocked) {

        Optional<OrgRole> orgRole() {
            if (role == null || role.isBlank()) {
                return Optional.empty();
            }
            String slug = role.trim();
            if (slug.equalsIgnoreCase("user")) {
                return Optional.of(OrgRole.OPERATOR);
            }
            return Optional.of(OrgRole.fromWire(slug)
                    .orElseThrow(() -> ApiException.badRequest("role: must be admin, user, viewer or learner")));
        }
    }

    /** Gophish's user role object. */
    @JsonPropertyOrder({ "slug", "name", "description" })
    public record GophishRole(String slug, String name, String description) {

        static GophishRole of(OrgRole role) {
            return switch (role) {
                case ADMIN -> new GophishRole("admin", "Admin", "Organization administrator with full permissions");
                case OPERATOR -> new GophishRole("user", "User", "User role with edit access to objects and campaigns");
                case VIEWER -> new GophishRole("viewer", "Viewer", "Read-only access to results, reports and the audit log");
                case LEARNER -> new GophishRole("learner", "Learner", "Access to the learner portal only");
            };
        }
    }

    /** Gophish's user object, field order as Gophish emits it. */
    @JsonPropertyOrder({ "id", "username", "api_key", "role", "password_change_required", "account_locked", "last_login" })
    public record GophishUser(long id, String username, String apiKey, GophishRole role, boolean passwordChangeRequired,
            boolean accountLocked, String lastLogin) {

        static GophishUser of(MemberView m) {
            return new GophishUser(m.userId(), m.username(), "", GophishRole.of(m.role()), m.passwordChangeRequired(),
                    m.accountLocked(), GoTime.format(m.lastLogin()));
        }
    }
}
