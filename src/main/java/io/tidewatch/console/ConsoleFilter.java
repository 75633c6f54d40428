package io.tidewatch.console;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;
import io.tidewatch.account.Caller;
import io.tidewatch.account.CallerIdentity;
import io.tidewatch.impersonation.ImpersonationService;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.organization.OrganizationDirectory;
import io.tidewatch.organization.OrganizationProfile;
import io.tidewatch.organization.TenantEntry;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.CsrfTokens;
import io.tidewatch.session.Session;
import io.tidewatch.session.SessionAccount;

/**
 * Authenticates every console page from the session (after the session filter has read the cookie): the request acts
 * as the signed-in account, or as its running impersonation when the browser holds one, exactly as an API key or an
 * impersonation token would; on {@code /console/orgs/{id}/...} it then enters that organization with the rules the
 * API's tenant filter applies. A refusal is answered with the console's own error page.
 */
public class ConsoleFilter {

    static final Pattern ORG_PATH = Pattern.compile("^/console/orgs/([0-9]{1,18})(/.*)?$");

    private final Session session;
    private final Console console;
    private final Caller caller;
    private final AccountService accounts;
    private final ImpersonationService impersonations;
    private final OrganizationDirectory directory;
    private final TenantEntry tenants;
    private final ConsolePages pages;
    private final MembershipService memberships;

    ConsoleFilter(Session session, Console console, Caller caller, AccountService accounts,
            ImpersonationService impersonations, OrganizationDirectory directory, TenantEntry tenants,
            ConsolePages pages, MembershipService memberships) {
        this.session = session;
        this.console = console;
        this.caller = caller;
        this.accounts = accounts;
        this.impersonations = impersonations;
        this.directory = directory;
        this.tenants = tenants;
        this.pages = pages;
        this.memberships = memberships;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 10)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            return null;
        }
        Cookie csrf = request.getCookies().get(CsrfTokens.COOKIE);
        console.csrfCookie(csrf == null ? null : csrf.getValue());
        Optional<SessionAccount> signedIn = session.account();
        if (signedIn.isEmpty()) {
            return null;
        }
        SessionAccount account = signedIn.get();
        if (account.passwordChangeRequired()) {
            return pages.redirect("/change-password?next=" + ConsolePages.encode(request.getUriInfo().getRequestUri()
                    .getRawPath()));
        }
        Optional<AccountView> view = accounts.find(account.accountId());
        if (view.isEmpty()) {
            return null;
        }
        CallerIdentity self = CallerIdentity.of(account.accountId(), account.username(), account.role(),
                view.get().canImpersonate());
        CallerIdentity identity = impersonation(request, self).orElse(self);
        caller.authenticate(identity);
        console.signIn(account, self, identity);
        if (memberships.isLearnerOnly(identity)) {
            return pages.error(ApiException.forbidden());
        }
        return enterOrganization(request, path, identity);
    }

    /** Clears an impersonation cookie whose impersonation is over. */
    @ServerResponseFilter
    public void clearEndedImpersonation(ContainerResponseContext response) {
        if (console.isImpersonationEnded() && !response.getHeaders().containsKey("Set-Cookie")) {
            response.getHeaders().add("Set-Cookie", ConsoleCookies.impersonationCleared(pages.secure()));
        }
    }

    private Optional<CallerIdentity> impersonation(ContainerRequestContext request, CallerIdentity self) {
        Cookie cookie = request.getCookies().get(ConsoleCookies.IMPERSONATION);
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
            return Optional.empty();
        }
        Optional<CallerIdentity> acting = impersonations.identityForToken(cookie.getValue())
                .filter(i -> i.accountId() == self.accountId());
        if (acting.isEmpty()) {
            console.impersonationEnded();
            return Optional.empty();
        }
        long orgId = acting.get().impersonatedOrgId();
        console.impersonating(impersonations.find(acting.get().impersonationId(), self),
                directory.byId(orgId).map(OrganizationProfile::name).orElse("organization " + orgId));
        return acting;
    }

    private Response enterOrganization(ContainerRequestContext request, String path, CallerIdentity identity) {
        Matcher org = ORG_PATH.matcher(path);
        if (!org.matches()) {
            return null;
        }
        long orgId = Long.parseLong(org.group(1));
        try {
            OrgRole role = tenants.enter(identity, orgId, request.getMethod());
            console.enter(orgId, role);
            return null;
        } catch (ApiException e) {
            return pages.error(e);
        }
    }
}
