package io.tidewatch.impersonation;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.tidewatch.account.AccountService;
import io.tidewatch.account.AccountView;
import io.tidewatch.account.CallerIdentity;
import io.tidewatch.account.PlatformRole;
import io.tidewatch.account.SessionsEnded;
import io.tidewatch.audit.AuditEvent;
import io.tidewatch.audit.AuditLog;
import io.tidewatch.audit.AuditOutcome;
import io.tidewatch.impersonation.internal.EndReason;
import io.tidewatch.impersonation.internal.Impersonation;
import io.tidewatch.impersonation.internal.ImpersonationRepository;
import io.tidewatch.organization.OrganizationChanged;
import io.tidewatch.organization.OrganizationService;
import io.tidewatch.platform.web.ApiException;

/**
 * Starts, ends and expires impersonations. The start and the end are recorded in the platform log and in the
 * impersonated organization's own log, so its admins see who acted in their organization, why and for how long.
 * Ending and expiring lock the impersonation's row, so each impersonation ends exactly once, on any replica.
 */
@ApplicationScoped
public class ImpersonationService {

    static final int DEFAULT_MINUTES = 60;
    static final int MAX_MINUTES = 480;
    static final int MAX_REASON = 1000;

    private final ImpersonationRepository impersonations;
    private final OrganizationService organizations;
    private final AccountService accounts;
    private final ImpersonationTokens tokens;
    private final AuditLog audit;
    private final ObjectMapper json;

    ImpersonationService(ImpersonationRepository impersonations, OrganizationService organizations,
            AccountService accounts, ImpersonationTokens tokens, AuditLog audit, ObjectMapper json) {
        this.impersonations = impersonations;
        this.organizations = organizations;
        this.accounts = accounts;
        this.tokens = tokens;
        this.audit = audit;
        this.json = json;
    }

    /** An impersonation just started, with its token (which exists in clear only in this one response). */
    public record Started(ImpersonationView impersonation, String token) {
    }

    /** True for an MSSP admin, or MSSP staff granted impersonation, acting as themselves. */
    public static boolean mayImpersonate(CallerIdentity who) {
        return !who.isImpersonating() && (who.role() == PlatformRole.MSSP_ADMIN
                || (who.role() == PlatformRole.MSSP_STAFF && who.canImpersonate()));
    }

    /** Starts an impersonation of the organization by {@code staff}; 400 for a bad reason or duration, 404 for no org. */
    @Transactional
    public Started start(CallerIdentity staff, Long orgId, String reason, Integer minutes) {
        if (!mayImpersonate(staff)) {
            throw refuseStart(orgId);
        }
        String why = requireReason(reason);
        int duration = requireMinutes(minutes);
        if (orgId == null) {
            throw ApiException.badRequest("org_id: is required");
        }
        if (orgId <= 0 || organizations.find(orgId).isEmpty()) {
            throw ApiException.notFound("Organization not found");
        }
        Impersonation impersonation = new Impersonation();
        impersonation.staffAccountId = staff.accountId();
        impersonation.staffUsername = staff.username();
        impersonation.orgId = orgId;
        impersonation.reason = why;
        impersonation.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        impersonation.expiresAt = impersonation.startedAt.plus(duration, ChronoUnit.MINUTES);
        impersonations.persistAndFlush(impersonation);
        Map<String, Object> details = details(impersonation);
        details.put("expires_at", format(impersonation.expiresAt));
        record("impersonate.start", impersonation, details, true);
        Log.infof("Impersonation %d of organization %d started by account %d for %d minutes", impersonation.id, orgId,
                staff.accountId(), duration);
        return new Started(ImpersonationView.of(impersonation, impersonation.startedAt), tokens.issue(impersonation));
    }

    /** Ends the impersonation now: 403 unless {@code who} started it or is an MSSP admin, 409 if it already ended. */
    @Transactional
    public ImpersonationView end(long id, CallerIdentity who) {
        Impersonation impersonation = impersonations.findForUpdate(id).orElseThrow(ImpersonationService::notFound);
        if (!mayEnd(who, impersonation)) {
            audit.record(AuditEvent.of("impersonate.end").platform().org(impersonation.orgId)
                    .target("impersonation", id).outcome(AuditOutcome.DENIED));
            throw ApiException.forbidden();
        }
        Instant now = Instant.now();
        if (!impersonation.isRunningAt(now)) {
            throw ApiException.conflict("Impersonation already ended");
        }
        endNow(impersonation, who.accountId(), now);
        Log.infof("Impersonation %d of organization %d ended by account %d", id, impersonation.orgId, who.accountId());
        return ImpersonationView.of(impersonation, now);
    }

    /** A staff member who signs out ends every impersonation they run, as every session of theirs ends. */
    @Transactional
    void signedOut(@Observes SessionsEnded event) {
        Instant now = Instant.now();
        for (long id : impersonations.listRunningIdsByStaff(event.accountId(), now)) {
            Optional<Impersonation> locked = impersonations.findForUpdate(id).filter(i -> i.isRunningAt(now));
            locked.ifPresent(impersonation -> {
                endNow(impersonation, event.accountId(), now);
                Log.infof("Impersonation %d of organization %d ended: account %d signed out", id, impersonation.orgId,
                        event.accountId());
            });
        }
    }

    /**
     * An organization that is deleted takes its running impersonations with it: they end as {@code org_deleted}, in
     * the platform log (the organization's own log is gone), in the transaction that removes the organization.
     */
    void organizationChanged(@Observes OrganizationChanged event) {
        if (organizations.exists(event.orgId())) {
            return;
        }
        Instant now = Instant.now();
        for (long id : impersonations.listRunningIdsByOrg(event.orgId(), now)) {
            impersonations.findForUpdate(id).filter(i -> i.isRunningAt(now)).ifPresent(impersonation -> {
                impersonation.endedAt = now.truncatedTo(ChronoUnit.MILLIS);
                impersonation.endReason = EndReason.ORG_DELETED;
                recordEnd(impersonation);
                Log.infof("Impersonation %d ended: organization %d deleted", id, event.orgId());
            });
        }
    }

    /** Ends a running impersonation explicitly, by {@code accountId}, and records its end. */
    private void endNow(Impersonation impersonation, long accountId, Instant now) {
        impersonation.endedAt = now.truncatedTo(ChronoUnit.MILLIS);
        impersonation.endedBy = accountId;
        impersonation.endReason = EndReason.ENDED;
        recordEnd(impersonation);
    }

    /**
     * Marks the impersonation expired if its time ran out and nothing ended it yet, and records its end; false when
     * there was nothing to do (another replica or an explicit end got there first).
     */
    @Transactional
    public boolean expire(long id, Instant now) {
        Optional<Impersonation> found = impersonations.findForUpdate(id);
        if (found.isEmpty() || found.get().endedAt != null || found.get().expiresAt.isAfter(now)) {
            return false;
        }
        Impersonation impersonation = found.get();
        impersonation.endedAt = impersonation.expiresAt;
        impersonation.endReason = EndReason.EXPIRED;
        recordEnd(impersonation);
        return true;
    }

    /** Ids of impersonations whose time ran out and that are not marked ended yet. */
    @Transactional
    public List<Long> listDue(Instant now, int max) {
        return impersonations.listDueIds(now, max);
    }

    /** What {@code who} may see: everything for an MSSP admin, their own for staff; 403 for anyone else. */
    @Transactional
    public List<ImpersonationView> list(CallerIdentity who) {
        Instant now = Instant.now();
        List<Impersonation> found;
        if (isAdmin(who)) {
            found = impersonations.listNewestFirst();
        } else if (isStaff(who)) {
            found = impersonations.listByStaff(who.accountId());
        } else {
            throw ApiException.forbidden();
        }
        return found.stream().map(i -> ImpersonationView.of(i, now)).toList();
    }

    /** One impersonation: 404 when missing, 403 when it is someone else's and {@code who} is not an MSSP admin. */
    @Transactional
    public ImpersonationView find(long id, CallerIdentity who) {
        if (!isAdmin(who) && !isStaff(who)) {
            throw ApiException.forbidden();
        }
        Impersonation impersonation = impersonations.findByIdOptional(id).orElseThrow(ImpersonationService::notFound);
        if (!isAdmin(who) && impersonation.staffAccountId != who.accountId()) {
            throw ApiException.forbidden();
        }
        return ImpersonationView.of(impersonation, Instant.now());
    }

    /**
     * The identity an impersonation token acts as, while it is genuine and its impersonation runs; empty otherwise.
     * For the console, which keeps a started impersonation's token in a cookie of its own and checks it on every page.
     */
    @Transactional
    public Optional<CallerIdentity> identityForToken(String token) {
        if (token == null || token.isBlank() || token.length() > 4096 || !ImpersonationTokens.looksLikeToken(token)) {
            return Optional.empty();
        }
        return tokens.verify(token).flatMap(this::identityFor);
    }

    /**
     * The identity a verified token acts as, while its impersonation runs, its staff member may still impersonate and
     * its organization exists; empty otherwise.
     */
    @Transactional
    Optional<CallerIdentity> identityFor(ImpersonationTokens.Claims claims) {
        Optional<Impersonation> found = impersonations.findByIdOptional(claims.impersonationId());
        if (found.isEmpty() || found.get().staffAccountId != claims.staffAccountId()
                || found.get().orgId != claims.orgId() || !found.get().isRunningAt(Instant.now())) {
            return Optional.empty();
        }
        Optional<AccountView> staff = accounts.find(claims.staffAccountId());
        if (staff.isEmpty() || !staff.get().active() || staff.get().locked()) {
            return Optional.empty();
        }
        AccountView account = staff.get();
        CallerIdentity self = CallerIdentity.of(account.id(), account.username(), account.role(), account.canImpersonate());
        if (!mayImpersonate(self) || organizations.find(claims.orgId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CallerIdentity(account.id(), account.username(), account.role(), account.canImpersonate(),
                claims.impersonationId(), claims.orgId()));
    }

    /** Records a refused start in the platform log (in a transaction of its own) and returns the 403 to throw. */
    public ApiException refuseStart(Long orgId) {
        AuditEvent refused = AuditEvent.of("impersonate.start").platform().outcome(AuditOutcome.DENIED);
        if (orgId != null && orgId > 0) {
            refused.org(orgId);
        }
        audit.record(refused);
        return ApiException.forbidden();
    }

    private void recordEnd(Impersonation impersonation) {
        Map<String, Object> details = details(impersonation);
        details.put("ended_at", format(impersonation.endedAt));
        details.put("end_reason", impersonation.endReason.wireName());
        boolean orgExists = organizations.find(impersonation.orgId).isPresent();
        record("impersonate.end", impersonation, details, orgExists);
    }

    /** Records in the platform log and, while the organization exists, in its own log. */
    private void record(String action, Impersonation impersonation, Map<String, Object> details, boolean inOrgLog) {
        String text = toJson(details);
        audit.record(event(action, impersonation, text).platform());
        if (inOrgLog) {
            audit.record(event(action, impersonation, text));
        }
    }

    private static AuditEvent event(String action, Impersonation impersonation, String details) {
        return AuditEvent.of(action)
                .org(impersonation.orgId)
                .target("impersonation", impersonation.id)
                .impersonator(impersonation.staffAccountId, impersonation.staffUsername)
                .details(details);
    }

    private static Map<String, Object> details(Impersonation impersonation) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("impersonation_id", impersonation.id);
        details.put("reason", impersonation.reason);
        details.put("started_at", format(impersonation.startedAt));
        return details;
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write audit details", e);
        }
    }

    private static boolean mayEnd(CallerIdentity who, Impersonation impersonation) {
        if (who.isImpersonating()) {
            return who.impersonationId() == impersonation.id.longValue();
        }
        return isAdmin(who) || (isStaff(who) && impersonation.staffAccountId == who.accountId());
    }

    private static boolean isAdmin(CallerIdentity who) {
        return !who.isImpersonating() && who.role() == PlatformRole.MSSP_ADMIN;
    }

    private static boolean isStaff(CallerIdentity who) {
        return !who.isImpersonating() && who.role() == PlatformRole.MSSP_STAFF;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest("reason: is required");
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            throw ApiException.badRequest("reason: must be at most " + MAX_REASON + " characters");
        }
        return why;
    }

    private static int requireMinutes(Integer minutes) {
        if (minutes == null) {
            return DEFAULT_MINUTES;
        }
        if (minutes < 1 || minutes > MAX_MINUTES) {
            throw ApiException.badRequest("minutes: must be from 1 to " + MAX_MINUTES);
        }
        return minutes;
    }

    private static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static ApiException notFound() {
        return ApiException.notFound("Impersonation not found");
    }
}
