package io.tidewatch.session;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;
import io.tidewatch.account.PlatformRole;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.audit.AuditOutcome;
import io.tidewatch.organization.MembershipService;
import io.tidewatch.organization.OrganizationProfile;
import io.tidewatch.platform.web.ApiException;

/**
 * Signs local accounts in with username and password. Every attempt is audited in the platform log
 * ({@code auth.login}, SUCCESS or DENIED; never the password). An unknown username, a wrong password, an account
 * without a password and a client account of another organization than the host's all get the same message, after
 * the same bcrypt work (a dummy hash stands in for a missing one), so answers and timing do not tell which accounts
 * exist. Failures are throttled per account and per client address.
 */
@ApplicationScoped
class LoginService {

    /** What a failed sign-in says, whatever the reason. */
    static final String BAD_CREDENTIALS = "The username or password is incorrect.";

    static final String LOCKED = "This account is locked. Contact your administrator.";

    private final AccountService accounts;
    private final MembershipService memberships;
    private final LoginThrottle throttle;
    private final SessionConfig config;
    private final AuditLog audit;
    private final String dummyHash;

    LoginService(AccountService accounts, MembershipService memberships, LoginThrottle throttle, SessionConfig config,
            AuditLog audit) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.throttle = throttle;
        this.config = config;
        this.audit = audit;
        // Same algorithm and cost as real password hashes, so verifying against it takes as long.
        this.dummyHash = BcryptUtil.bcryptHash("no account has this password " + System.nanoTime());
    }

    /** How an attempt ended. */
    sealed interface Outcome {
    }

    /** Signed in. */
    record SignedIn(AccountView account) implements Outcome {
    }

    /** Refused, with the message to show. */
    record Refused(String message) implements Outcome {
    }

    /** Too many recent failures: try again after {@code retryAfter}. */
    record Throttled(Duration retryAfter) implements Outcome {
    }

    /** Checks the credentials; {@code host} is the organization whose login page was used, if any. */
    Outcome signIn(String username, String password, String address, Optional<OrganizationProfile> host) {
        String name = normalize(username);
        String accountKey = "account:" + (name == null ? "" : name);
        String addressKey = "address:" + (address == null ? "unknown" : address);
        Duration wait = max(throttle.retryAfter(accountKey, config.maxFailuresPerAccount(), config.failureWindow()),
                throttle.retryAfter(addressKey, config.maxFailuresPerAddress(), config.failureWindow()));
        if (!wait.isZero()) {
            record(null, host, AuditOutcome.DENIED, "throttled");
            return new Throttled(wait);
        }
        Optional<AccountView> account = name == null ? Optional.empty() : accounts.findByUsername(name);
        boolean passwordOk = verify(account, password);
        String reason = reason(account, passwordOk, host);
        if (reason != null) {
            throttle.recordFailure(accountKey, config.failureWindow());
            throttle.recordFailure(addressKey, config.failureWindow());
            record(account.map(AccountView::id).orElse(null), host, AuditOutcome.DENIED, reason);
            return new Refused("locked".equals(reason) ? LOCKED : BAD_CREDENTIALS);
        }
        throttle.reset(accountKey);
        accounts.recordSignIn(account.get().id());
        record(account.get().id(), host, AuditOutcome.SUCCESS, "password");
        return new SignedIn(account.get());
    }

    /** Counts a failed password check made elsewhere (changing a password) against the account's budget. */
    boolean checkPassword(long accountId, String username, String password) {
        String accountKey = "account:" + username;
        if (!throttle.retryAfter(accountKey, config.maxFailuresPerAccount(), config.failureWindow()).isZero()) {
            return false;
        }
        boolean ok = password != null && accounts.passwordMatches(accountId, password);
        if (!ok) {
            throttle.recordFailure(accountKey, config.failureWindow());
        }
        return ok;
    }

    private boolean verify(Optional<AccountView> account, String password) {
        String candidate = password == null ? "" : password;
        if (account.isPresent()) {
            boolean matches = accounts.passwordMatches(account.get().id(), candidate);
            if (!matches && !accounts.hasPassword(account.get().id())) {
                BcryptUtil.matches(candidate, dummyHash);
            }
            return matches;
        }
        BcryptUtil.matches(candidate, dummyHash);
        return false;
    }

    /** Why the attempt is refused (for the audit log only), or null to sign in. */
    private String reason(Optional<AccountView> account, boolean passwordOk, Optional<OrganizationProfile> host) {
        if (account.isEmpty()) {
            return "unknown account";
        }
        AccountView a = account.get();
        if (!passwordOk) {
            return "wrong password";
        }
        if (!a.active()) {
            return "inactive account";
        }
        if (host.isPresent() && a.role() == PlatformRole.CLIENT
                && memberships.activeRole(host.get().id(), a.id()).isEmpty()) {
            return "not a member of the host's organization";
        }
        return a.locked() ? "locked" : null;
    }

    private void record(Long accountId, Optional<OrganizationProfile> host, AuditOutcome outcome, String details) {
        AuditEvent event = AuditEvent.of("auth.login").platform().outcome(outcome).details(details);
        if (accountId != null) {
            event.target("account", accountId);
        }
        host.ifPresent(o -> event.org(o.id()));
        audit.record(event);
    }

    private static String normalize(String username) {
        try {
            return username == null || username.isBlank() ? null : AccountService.normalizeUsername(username);
        } catch (ApiException e) {
            return null;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
