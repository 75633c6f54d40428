package io.tidewatch.console;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.tidewatch.account.CallerIdentity;
import io.tidewatch.account.PlatformRole;
import io.tidewatch.impersonation.ImpersonationView;
import io.tidewatch.organization.OrgRole;
import io.tidewatch.platform.web.ApiException;
import io.tidewatch.session.CsrfTokens;
import io.tidewatch.session.SessionAccount;

/**
 * The console's view of the current page request, filled by {@link ConsoleFilter}: the signed-in account, the
 * identity it acts as (itself, or a running impersonation), the organization the page acts in with the role there,
 * and the browser's CSRF cookie.
 */
@RequestScoped
public class Console {

    private SessionAccount account;
    private CallerIdentity self;
    private CallerIdentity identity;
    private ImpersonationView impersonation;
    private String impersonatedOrgName;
    private boolean impersonationEnded;
    private Long orgId;
    private OrgRole role;
    private String csrfCookie;
    private CsrfTokens.Grant csrf;

    void signIn(SessionAccount account, CallerIdentity self, CallerIdentity identity) {
        this.account = account;
        this.self = self;
        this.identity = identity;
    }

    void impersonating(ImpersonationView impersonation, String orgName) {
        this.impersonation = impersonation;
        this.impersonatedOrgName = orgName;
    }

    void impersonationEnded() {
        this.impersonationEnded = true;
    }

    /** The page sets or clears the impersonation cookie itself: the filter must not clear it as well. */
    void impersonationCookieHandled() {
        this.impersonationEnded = false;
    }

    void enter(long orgId, OrgRole role) {
        this.orgId = orgId;
        this.role = role;
    }

    void csrfCookie(String value) {
        this.csrfCookie = value;
    }

    /** The signed-in account. */
    public SessionAccount account() {
        return account;
    }

    /** The account acting as itself (never an impersonation), for decisions about the staff member in person. */
    public CallerIdentity self() {
        return self;
    }

    /** Who the page acts as: the account itself, or its running impersonation. */
    public CallerIdentity identity() {
        return identity;
    }

    /** The running impersonation, if the account is impersonating. */
    public Optional<ImpersonationView> impersonation() {
        return Optional.ofNullable(impersonation);
    }

    /** The impersonated organization's name. */
    public String impersonatedOrgName() {
        return impersonatedOrgName;
    }

    /** True when the browser held an impersonation that has ended or expired since the last page. */
    public boolean isImpersonationEnded() {
        return impersonationEnded;
    }

    /** True for an MSSP admin acting as itself. */
    public boolean isMsspAdmin() {
        return identity != null && !identity.isImpersonating() && identity.role() == PlatformRole.MSSP_ADMIN;
    }

    /** True for MSSP staff (admins included) acting as themselves. */
    public boolean isStaff() {
        return identity != null && !identity.isImpersonating() && identity.role().isStaff();
    }

    /** The organization the page acts in, if it is an organization's page. */
    public Optional<Long> orgId() {
        return Optional.ofNullable(orgId);
    }

    /** The role in the organization the page acts in. */
    public OrgRole role() {
        if (role == null) {
            throw new IllegalStateException("not an organization page");
        }
        return role;
    }

    /** Refuses with 403 unless the role in the organization includes {@code minimum}. */
    public void require(OrgRole minimum) {
        if (!role().atLeast(minimum)) {
            throw ApiException.forbidden();
        }
    }

    /** Refuses with 403 unless the page is seen by an MSSP admin acting as itself. */
    public void requireMsspAdmin() {
        if (!isMsspAdmin()) {
            throw ApiException.forbidden();
        }
    }

    String csrfCookie() {
        return csrfCookie;
    }

    CsrfTokens.Grant csrf() {
        return csrf;
    }

    void csrf(CsrfTokens.Grant grant) {
        this.csrf = grant;
    }
}
