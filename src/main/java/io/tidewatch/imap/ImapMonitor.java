package io.tidewatch.imap;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tidewatch.imap.internal.ImapLeases;
import io.tidewatch.imap.internal.ImapSetting;
import io.tidewatch.organization.OrganizationDirectory;
import io.tidewatch.organization.TenantHealth;
import io.tidewatch.platform.secret.Secrets;
import io.tidewatch.tenancy.TenantWork;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Gophish's IMAP monitor for every organization: each enabled mailbox is polled at its own frequency for reported
 * campaign e-mail. With several replicas on one database a mailbox is claimed in its tenant's row before it is polled,
 * so one replica at a time polls it; a failing server is logged and tried again at the next due time while the other
 * mailboxes carry on.
 */
@ApplicationScoped
class ImapMonitor {

    /** The scheduler's interval, from {@link ImapConfig#pollEvery()}. */
    static final String EVERY = "${tidewatch.imap.poll-every:15s}";

    private static final String POLLED = "IMAP mailbox of organization %d: %d message(s) read, %d reported campaign"
            + " e-mail(s), %d set aside, %d left for the next poll, in %d ms";

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'@]+@[^\\s<>\"'@]+");

    private final ImapConfig config;
    private final TenantWork tenantWork;
    private final OrganizationDirectory organizations;
    private final TenantHealth health;
    private final ImapLeases leases;
    private final Secrets secrets;
    private final MailboxPoller poller;
    private final Vertx vertx;
    private final String owner = UUID.randomUUID().toString();
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    private volatile WorkerExecutor passes;
    private volatile WorkerExecutor polls;
    private volatile Context home;
    private volatile boolean stopping;
    private volatile CompletableFuture<Integer> running = CompletableFuture.completedFuture(0);

    ImapMonitor(ImapConfig config, TenantWork tenantWork, OrganizationDirectory organizations, TenantHealth health,
            ImapLeases leases, Secrets secrets, MailboxPoller poller, Vertx vertx) {
        this.config = config;
        this.tenantWork = tenantWork;
        this.organizations = organizations;
        this.health = health;
        this.leases = leases;
        this.secrets = secrets;
        this.poller = poller;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        passes = vertx.createSharedWorkerExecutor("tidewatch-imap-pass", 1, 1, TimeUnit.HOURS);
        polls = vertx.createSharedWorkerExecutor("tidewatch-imap", Math.max(1, config.pollers()),
                config.lease().toMinutes() + 1, TimeUnit.MINUTES);
        // Tasks submitted from the monitor's own context carry no request or log context of the scheduler's thread.
        home = vertx.getOrCreateContext();
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        // Whoever waits for the pass in flight (the scheduler's thread) is let go; the polls end with the executors.
        running.complete(0);
        if (passes != null) {
            passes.close();
        }
        if (polls != null) {
            polls.close();
        }
    }

    @Scheduled(identity = "imap-monitor", every = EVERY, delayed = "5s", concurrentExecution = SKIP)
    void tick() {
        runPass(Instant.now());
    }

    /**
     * Runs one pass at {@code now} on the monitor's own thread (outside the caller's request context, which tenant
     * work must not inherit) and waits for it; returns the number of mailboxes polled.
     */
    int runPass(Instant now) {
        if (home == null || stopping) {
            return 0;
        }
        CompletableFuture<Integer> done = new CompletableFuture<>();
        running = done;
        home.runOnContext(ignored -> passes.executeBlocking(() -> pollDue(now), false).onComplete(result -> {
            if (result.succeeded()) {
                done.complete(result.result());
            } else {
                done.completeExceptionally(result.cause());
            }
        }));
        try {
            return done.get(config.lease().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (ExecutionException | TimeoutException e) {
            Log.errorf(e, "IMAP monitor pass failed");
            return 0;
        }
    }

    /** Claims every mailbox due at {@code now} that no replica holds, polls them (a few at a time) and waits. */
    private int pollDue(Instant now) {
        List<Future<Boolean>> started = new ArrayList<>();
        // TODO(#4): keep due mailboxes in a control-schema index (as mail work is) once a pass over every tenant's row
        // every few seconds costs too much; until then each pass is one short transaction per organization.
        for (long orgId : organizations.activeIds()) {
            if (stopping) {
                break;
            }
            if (health.isBroken(orgId) || !inFlight.add(orgId)) {
                continue;
            }
            Optional<Mailbox> claimed = claim(orgId, now);
            if (claimed.isEmpty()) {
                inFlight.remove(orgId);
                continue;
            }
            Mailbox box = claimed.get();
            started.add(polls.executeBlocking(() -> {
                try {
                    return pollClaimed(box);
                } finally {
                    inFlight.remove(orgId);
                }
            }, false));
        }
        int polled = 0;
        for (Future<Boolean> poll : started) {
            if (await(poll)) {
                polled++;
            }
        }
        return polled;
    }

    private Optional<Mailbox> claim(long orgId, Instant now) {
        try {
            return tenantWork.call(orgId, () -> leases.claim(owner, now, config.lease()).map(s -> mailbox(orgId, s)));
        } catch (RuntimeException e) {
            Log.warnf("IMAP mailbox of organization %d could not be claimed: %s", orgId, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Mailbox mailbox(long orgId, ImapSetting s) {
        return new Mailbox(orgId, s.host, s.port, s.username, secrets.open(s.passwordSealed, ImapService.PASSWORD),
                s.tls, s.ignoreCertErrors, s.folder, s.restrictDomain, s.deleteReportedCampaignEmail);
    }

    /** Polls a claimed mailbox and gives it back; true when the poll got through. */
    private boolean pollClaimed(Mailbox box) {
        Instant start = Instant.now();
        Optional<Instant> loggedIn = Optional.empty();
        try {
            MailboxPoller.Outcome outcome = poller.poll(box, start.plus(config.lease().dividedBy(2)));
            loggedIn = Optional.of(start);
            if (outcome.read() > 0) {
                Log.infof(POLLED, box.orgId(), outcome.read(), outcome.reported(), outcome.skipped(), outcome.failed(),
                        Duration.between(start, Instant.now()).toMillis());
            }
        } catch (Exception e) {
            Log.warnf("IMAP mailbox of organization %d could not be polled: %s", box.orgId(), describe(e));
        } finally {
            release(box.orgId(), loggedIn);
        }
        return loggedIn.isPresent();
    }

    private void release(long orgId, Optional<Instant> loggedIn) {
        try {
            tenantWork.call(orgId, () -> {
                leases.release(owner, loggedIn);
                return null;
            });
        } catch (RuntimeException e) {
            Log.warnf("IMAP mailbox of organization %d could not be released (its lease runs out): %s", orgId,
                    e.getClass().getSimpleName());
        }
    }

    private boolean await(Future<Boolean> poll) {
        try {
            return Boolean.TRUE.equals(poll.toCompletionStage().toCompletableFuture()
                    .get(config.lease().toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The failure for a log line: its kind and the server's answer, with any address in it masked. */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        if (message.length() > 200) {
            message = message.substring(0, 200);
        }
        message = ADDRESS.matcher(message).replaceAll("<address>");
        return message.isEmpty() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
