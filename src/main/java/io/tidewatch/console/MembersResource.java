package io.tidewatch.console;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.tidewatch.account.AccountChange;
import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;
import io.tidewatch.organization.MemberView;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.organization.OrganizationView;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.Session;

/**
 * {@code /console/orgs/{id}/members}: an org admin's members and seats. Adding a person creates a client account in
 * the organization (as Gophish's {@code POST /api/users/} does) and invites them by e-mail; MSSP admins can also add
 * staff. Role changes, deactivation and removal follow the API's rules: org admins manage client members, the MSSP
 * admin everyone, the last admin stays, and the seat cap answers with a message that names it.
 */
@Path("/console/orgs/{orgId}/members")
@Produces(MediaType.TEXT_HTML)
public class MembersResource {

    static final List<OrgRole> ROLES = List.of(OrgRole.ADMIN, OrgRole.OPERATOR, OrgRole.VIEWER, OrgRole.LEARNER);

    private static final Map<String, String> ALIASES = Map.of("Username", "username", "No username", "username",
            "Password", "password", "No password", "password");

    private static final Map<String, String> DONE = Map.of(
            "added", "The member was added and invited by e-mail.",
            "role", "The role was changed.",
            "activated", "The member was reactivated and takes a seat again.",
            "deactivated", "The member was deactivated: their seat is free and they can no longer sign in here.",
            "removed", "The member was removed.");

    private final Session session;
    private final Console console;
    private final ConsolePages pages;
    private final MembershipService memberships;
    private final OrganizationService organizations;
    private final AccountService accounts;

    MembersResource(Session session, Console console, ConsolePages pages, MembershipService memberships,
            OrganizationService organizations, AccountService accounts) {
        this.session = session;
        this.console = console;
        this.pages = pages;
        this.memberships = memberships;
        this.organizations = organizations;
        this.accounts = accounts;
    }

    /** The members page and the removal confirmation. */
    @CheckedTemplate(basePath = "console/members")
    static class Templates {

        static native TemplateInstance members(Shell shell, MembersPage page);

        static native TemplateInstance remove(Shell shell, OrganizationView org, MemberView member, boolean deletesAccount);
    }

    /** Everything the members page shows. */
    public record MembersPage(OrganizationView org, List<MemberRow> members, List<RoleOption> roles,
            List<AccountView> staff, AddForm add, FormErrors errors, String done) {

        /** True when the seats are all taken. */
        public boolean full() {
            return org.seatsUsed() >= org.seatCap();
        }
    }

    /** A member and what the viewer may do with them. */
    public record MemberRow(MemberView member, String roleLabel, boolean manageable, boolean self) {
    }

    /** A role in a select. */
    public record RoleOption(String value, String label) {
    }

    /** The add form's values (the password is never sent back). */
    public record AddForm(String username, String role, boolean mustChange) {
    }

    @GET
    public Response page(@RestPath long orgId, @RestQuery String done) {
        session.require();
        console.require(OrgRole.ADMIN);
        return render(orgId, new AddForm("", "operator", true), FormErrors.none(), ConsolePages.notice(DONE, done));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestPath long orgId, @RestForm String username, @RestForm String role,
            @RestForm String password, @RestForm("must_change") String mustChange, @RestForm("csrf_token") String csrf) {
        session.require();
        AddForm form = new AddForm(username == null ? "" : username, role == null ? "" : role, mustChange != null);
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.ADMIN);
            if (username == null || username.isBlank()) {
                throw ApiException.badRequest("username: enter the person's e-mail address");
            }
            if (!isEmailAddress(username.trim())) {
                throw ApiException.badRequest("username: enter an e-mail address, such as name@example.com");
            }
            OrgRole orgRole = role(role);
            String initial = password == null || password.isEmpty() ? null : password;
            MemberView added = memberships.createMember(orgId, username.trim(), initial, orgRole);
            if (initial != null && form.mustChange()) {
                accounts.update(added.userId(), new AccountChange(null, null, null, null, null, true, null));
            }
            return pages.redirect("/console/orgs/" + orgId + "/members?done=added");
        } catch (ApiException e) {
            return render(orgId, form, FormErrors.of(e, ALIASES), null);
        }
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addStaff(@RestPath long orgId, @RestForm("account_id") String accountId, @RestForm String role,
            @RestForm("csrf_token") String csrf) {
        session.require();
        try {
            pages.verifyCsrf(csrf);
            console.requireMsspAdmin();
            long id = parseId(accountId, "account_id");
            if (!accounts.find(id).map(a -> a.role().isStaff()).orElse(false)) {
                throw ApiException.badRequest("account_id: choose an MSSP staff account");
            }
            memberships.add(orgId, id, role(role));
            return pages.redirect("/console/orgs/" + orgId + "/members?done=added");
        } catch (ApiException e) {
            return render(orgId, new AddForm("", "operator", true), FormErrors.of(e, Map.of()), null);
        }
    }

    @POST
    @Path("{userId}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@RestPath long orgId, @RestPath long userId, @RestForm String role,
            @RestForm("csrf_token") String csrf) {
        return change(orgId, userId, csrf, "role", () -> memberships.change(orgId, userId, role(role), null));
    }

    @POST
    @Path("{userId}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeActive(@RestPath long orgId, @RestPath long userId, @RestForm String active,
            @RestForm("csrf_token") String csrf) {
        boolean activate = "true".equals(active);
        return change(orgId, userId, csrf, activate ? "activated" : "deactivated",
                () -> memberships.change(orgId, userId, null, activate));
    }

    @GET
    @Path("{userId}/remove")
    public Response confirmRemoval(@RestPath long orgId, @RestPath long userId) {
        session.require();
        console.require(OrgRole.ADMIN);
        MemberView member = manageable(orgId, userId);
        OrganizationView org = organization(orgId);
        return pages.html(200, Templates.remove(pages.shell("Remove " + member.username(), "members"), org, member,
                memberships.isClientAccount(userId)));
    }

    @POST
    @Path("{userId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath long orgId, @RestPath long userId, @RestForm("csrf_token") String csrf) {
        return change(orgId, userId, csrf, "removed", () -> {
            if (memberships.isClientAccount(userId)) {
                memberships.removeAndDeleteClient(orgId, userId);
            } else {
                memberships.remove(orgId, userId);
            }
            return null;
        });
    }

    @ServerExceptionMapper
    public Response failure(ApiException e) {
        return pages.error(e);
    }

    /** One change to an existing member, by an org admin, refused on the page with the reason. */
    private Response change(long orgId, long userId, String csrf, String done, java.util.function.Supplier<?> work) {
        session.require();
        try {
            pages.verifyCsrf(csrf);
            console.require(OrgRole.ADMIN);
            manageable(orgId, userId);
            work.get();
            return pages.redirect("/console/orgs/" + orgId + "/members?done=" + done);
        } catch (ApiException e) {
            return render(orgId, new AddForm("", "operator", true), FormErrors.of(e, Map.of()), null);
        }
    }

    /**
     * A member the viewer may change: a client member, or anyone for the MSSP admin, never the viewer's own account
     * (which another admin manages); 404 for someone who is not a member.
     */
    private MemberView manageable(long orgId, long userId) {
        MemberView member = memberships.find(orgId, userId).orElseThrow(() -> ApiException.notFound("User not found"));
        if (userId == console.identity().accountId() && !console.identity().isImpersonating()) {
            throw ApiException.badRequest("You cannot change or remove your own membership here; ask another admin.");
        }
        if (!console.isMsspAdmin() && !memberships.isClientAccount(userId)) {
            throw ApiException.forbidden();
        }
        return member;
    }

    private Response render(long orgId, AddForm form, FormErrors errors, String done) {
        OrganizationView org = organization(orgId);
        long me = console.identity().accountId();
        boolean impersonating = console.identity().isImpersonating();
        List<MemberView> members = memberships.list(orgId);
        List<MemberRow> rows = members.stream().map(m -> new MemberRow(m, ConsolePages.label(m.role()),
                (console.isMsspAdmin() || memberships.isClientAccount(m.userId())) && (impersonating || m.userId() != me),
                !impersonating && m.userId() == me)).toList();
        List<AccountView> staff = List.of();
        if (console.isMsspAdmin()) {
            Set<Long> already = members.stream().map(MemberView::userId).collect(Collectors.toSet());
            staff = accounts.list().stream().filter(a -> a.role().isStaff() && !already.contains(a.id())).toList();
        }
        List<RoleOption> roles = ROLES.stream().map(r -> new RoleOption(r.wireName(), ConsolePages.label(r))).toList();
        MembersPage page = new MembersPage(org, rows, roles, staff, form, errors, done);
        return pages.html(errors.any() ? errors.status() : 200,
                Templates.members(pages.shell("Members and seats", "members"), page));
    }

    private OrganizationView organization(long orgId) {
        return organizations.find(orgId).orElseThrow(() -> ApiException.notFound("Organization not found"));
    }

    private static OrgRole role(String value) {
        return OrgRole.fromWire(value)
                .orElseThrow(() -> ApiException.badRequest("role: choose admin, operator, viewer or learner"));
    }

    /**
     * True for a plain address {@code local@domain}: one {@code @}, a local part, a domain of dot-separated labels with
     * at least one dot, no spaces or angle brackets; the person is invited at this address.
     */
    static boolean isEmailAddress(String value) {
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || value.length() > 254) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        return local.chars().noneMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == ',' || c == '"')
                && domain.matches("(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    }

    private static long parseId(String value, String field) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + ": choose an account");
        }
    }
}
