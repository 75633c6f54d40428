package io.tidewatch.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.panache.common.Sort;
import io.tidewatch.account.internal.Account;
import io.tidewatch.account.internal.AccountRepository;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.platform.Tokens;
import io.tidewatch.platform.web.ApiException;

/** Creates and changes accounts, their passwords and API keys; every change is audited. */
@ApplicationScoped
public class AccountService {

    /** Gophish's password policy: at least this many characters. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final AccountRepository accounts;
    private final AuditLog audit;
    private final Event<AccountDeleted> deleted;
    private final Event<AccountRoleChanging> roleChanging;
    private final Event<SessionsEnded> sessionsEnded;

    AccountService(AccountRepository accounts, AuditLog audit, Event<AccountDeleted> deleted,
            Event<AccountRoleChanging> roleChanging, Event<SessionsEnded> sessionsEnded) {
        this.accounts = accounts;
        this.audit = audit;
        this.deleted = deleted;
        this.roleChanging = roleChanging;
        this.sessionsEnded = sessionsEnded;
    }

    /** Creates an account with a fresh API key; the username must be unused. */
    @Transactional
    public NewAccount create(String username, String password, PlatformRole role, boolean canImpersonate) {
        String name = normalizeUsername(username);
        if (accounts.findByUsername(name).isPresent()) {
            throw ApiException.badRequest("Username already taken");
        }
        Account account = new Account();
        account.username = name;
        account.platformRole = role;
        account.canImpersonate = canImpersonate && role.isStaff();
        if (password != null) {
            account.passwordHash = hashPassword(password);
        }
        String apiKey = Tokens.randomHex(32);
        account.apiKeyHash = Tokens.sha256(apiKey);
        account.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        account.updatedAt = account.createdAt;
        try {
            accounts.persistAndFlush(account);
        } catch (PersistenceException e) {
            // A concurrent request took the username between the check above and this insert.
            throw ApiException.badRequest("Username already taken");
        }
        audit.record(AuditEvent.of("account.create").platform().target("account", account.id));
        return new NewAccount(AccountView.of(account), apiKey);
    }

    /** The account with this id. */
    public Optional<AccountView> find(long id) {
        return accounts.findByIdOptional(id).map(AccountView::of);
    }

    /** The account with this username. */
    public Optional<AccountView> findByUsername(String username) {
        return accounts.findByUsername(normalizeUsername(username)).map(AccountView::of);
    }

    /** Every account, oldest first. */
    public List<AccountView> list() {
        return accounts.listAll(Sort.ascending("id")).stream().map(AccountView::of).toList();
    }

    /** Locks the account row until the transaction ends: serialises changes to one account's memberships. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AccountView lock(long id) {
        Account account = accounts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw ApiException.notFound("User not found");
        }
        return AccountView.of(account);
    }

    /**
     * Replaces the API key the caller presented and returns the new one, shown once. The account row is locked and the
     * presented key re-checked, so of two simultaneous resets with the same key exactly one succeeds.
     */
    @Transactional
    public String resetApiKey(long id, String presentedKey) {
        Account account = accounts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null || account.apiKeyHash == null || presentedKey == null
                || !Tokens.constantTimeEquals(account.apiKeyHash, Tokens.sha256(presentedKey))) {
            throw ApiException.unauthorized("Invalid API Key");
        }
        String apiKey = Tokens.randomHex(32);
        account.apiKeyHash = Tokens.sha256(apiKey);
        account.updatedAt = Instant.now();
        audit.record(AuditEvent.of("account.api_key_reset").platform().target("account", id));
        return apiKey;
    }

    /** Changes the fields given (null means unchanged) and audits the change. */
    @Transactional
    public AccountView update(long id, AccountChange change) {
        Account account = accounts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw ApiException.notFound("User not found");
        }
        guardLastMsspAdmin(account, change);
        if (change.username() != null) {
            String name = normalizeUsername(change.username());
            Optional<Account> holder = accounts.findByUsername(name);
            if (holder.isPresent() && !holder.get().id.equals(account.id)) {
                throw ApiException.badRequest("Username already taken");
            }
            account.username = name;
        }
        if (change.password() != null) {
            account.passwordHash = hashPassword(change.password());
            account.passwordChangeRequired = false;
        }
        if (change.role() != null && change.role() != account.platformRole) {
            roleChanging.fire(new AccountRoleChanging(account.id, account.platformRole, change.role()));
            account.platformRole = change.role();
            account.canImpersonate &= change.role().isStaff();
        }
        if (change.canImpersonate() != null) {
            account.canImpersonate = change.canImpersonate() && account.platformRole.isStaff();
        }
        if (change.locked() != null) {
            account.locked = change.locked();
        }
        if (change.passwordChangeRequired() != null) {
            account.passwordChangeRequired = change.passwordChangeRequired();
        }
        if (change.defaultOrgId() != null) {
            account.defaultOrgId = change.defaultOrgId();
        }
        account.updatedAt = Instant.now();
        audit.record(AuditEvent.of("account.update").platform().target("account", id));
        return AccountView.of(account);
    }

    /** Deletes the account; its memberships go with it and its seats are released. */
    @Transactional
    public void delete(long id) {
        Account account = existing(id);
        if (account.platformRole == PlatformRole.MSSP_ADMIN && accounts.countUsableMsspAdmins() <= 1) {
            throw ApiException.badRequest("Cannot remove the only MSSP administrator");
        }
        deleted.fire(new AccountDeleted(account.id, account.username));
        accounts.delete(account);
        audit.record(AuditEvent.of("account.delete").platform().target("account", id));
    }

    /** The platform must always keep one usable MSSP admin: the last one cannot be demoted or locked. */
    private void guardLastMsspAdmin(Account account, AccountChange change) {
        boolean demoted = change.role() != null && change.role() != PlatformRole.MSSP_ADMIN;
        boolean locked = Boolean.TRUE.equals(change.locked());
        if (account.platformRole == PlatformRole.MSSP_ADMIN && account.active && !account.locked && (demoted || locked)
                && accounts.countUsableMsspAdmins() <= 1) {
            throw ApiException.badRequest("Cannot remove the only MSSP administrator");
        }
    }

    /** Checks a password against the stored hash; false for accounts without one. */
    public boolean passwordMatches(long id, String password) {
        Account account = existing(id);
        return account.passwordHash != null && password != null && BcryptUtil.matches(password, account.passwordHash);
    }

    /** Records a successful sign-in (the caller audits the sign-in itself). */
    @Transactional
    public void recordSignIn(long id) {
        existing(id).lastLogin = Instant.now();
    }

    /**
     * A fingerprint of the account's current password and session generation that changes whenever either does: tokens
     * that embed it (sessions, invitations) stop working once the password changes or the account signs out, which also
     * makes an invitation single-use. Read in a transaction of its own, so a change earlier in the same request is seen.
     */
    @Transactional
    public Optional<String> credentialStamp(long id) {
        return accounts.findByIdOptional(id).map(AccountService::stamp);
    }

    /**
     * Within the caller's transaction, locks the account against a concurrent sign-out until that transaction ends, and
     * says whether a session with {@code stamp} is still valid: what a session starts after this (an impersonation)
     * is then either seen by the sign-out or refused here.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean holdSessionsOpen(long id, String stamp) {
        Account account = accounts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        return account != null && stamp(account).equals(stamp);
    }

    /**
     * Ends every session of the account, wherever it was signed in (the sign-out), and, through {@link SessionsEnded},
     * the impersonations it runs. The account row is locked first, so a start racing with it queues behind it.
     */
    @Transactional
    public void endSessions(long id) {
        Account account = accounts.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            return;
        }
        account.sessionGeneration++;
        audit.record(AuditEvent.of("auth.logout").platform().target("account", id));
        sessionsEnded.fire(new SessionsEnded(id));
    }

    private static String stamp(Account a) {
        return Tokens.sha256("credential:" + (a.passwordHash == null ? "none" : a.passwordHash) + ":"
                + a.sessionGeneration).substring(0, 24);
    }

    /** True when the account can sign in with a password (false for SSO-only accounts). */
    public boolean hasPassword(long id) {
        return existing(id).passwordHash != null;
    }

    /** Usernames are compared and stored trimmed and in lower case. */
    public static String normalizeUsername(String username) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("No username provided");
        }
        String name = username.trim().toLowerCase(Locale.ROOT);
        if (name.length() > 254 || name.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.badRequest("username: must be at most 254 characters without spaces");
        }
        return name;
    }

    static String hashPassword(String password) {
        if (password.isEmpty()) {
            throw ApiException.badRequest("No password provided");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("Password must be at least 8 characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            // bcrypt reads at most 72 bytes: a longer password would be silently truncated.
            throw ApiException.badRequest("Password must be at most 72 bytes");
        }
        return BcryptUtil.bcryptHash(password);
    }

    private Account existing(long id) {
        Account account = accounts.findById(id);
        if (account == null) {
            throw ApiException.notFound("User not found");
        }
        return account;
    }
}
