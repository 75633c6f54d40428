package io.tidewatch.mailer;

import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tidewatch.campaign.CampaignDelivery;
import io.tidewatch.campaign.CampaignDelivery.Settlement;
import io.tidewatch.campaign.CampaignLaunched;
import io.tidewatch.campaign.ClaimedMessage;
import io.tidewatch.campaign.DueWork;
import io.tidewatch.campaign.MessageRenderer;
import io.tidewatch.campaign.SendOutcome;
import io.tidewatch.campaign.SendingMaterials;
import io.tidewatch.metrics.OperationsMetrics;
import io.tidewatch.platform.LogContext;
import io.tidewatch.platform.net.OutboundGuard;
import io.tidewatch.tenancy.TenantWork;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Sends campaign e-mail. A dispatch pass runs right after a campaign launches, when the next send falls due (a timer
 * set for the earliest due time after each pass: retries, scheduled launches, spread sends) and, as a safety net for
 * other replicas' work, every second. It reads the due campaigns from the control schema and, round-robin over them,
 * gives each free sender (a bounded worker pool) a campaign. The sender claims a batch of due results in that tenant
 * (a short committed transaction), sends it over its pooled SMTP connection (many messages per connection) and
 * records every outcome in one transaction. Claims are the exactly-once guarantee: see
 * docs/adr/0005-exactly-once-mailer.md.
 */
@Singleton
public class MailDispatcher {

    private static final Duration CONTEXT_TTL = Duration.ofSeconds(60);
    private static final int DUE_PAGE = 200;
    private static final Duration TIMER_HORIZON = Duration.ofSeconds(2);
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private final MailerConfig config;
    private final CampaignDelivery delivery;
    private final TenantWork tenantWork;
    private final MessageRenderer renderer;
    private final Vertx vertx;
    private final OperationsMetrics metrics;
    private final String instance;
    private final SmtpPool pool;
    private final String contactAddress;
    private final Session composing = Session.getInstance(new Properties());
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final Map<String, Cached> contexts = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean stopping;
    private long timer = -1;
    private Instant timerAt = Instant.MAX;
    private Semaphore senders;
    private WorkerExecutor executor;
    private Context home;

    MailDispatcher(MailerConfig config, CampaignDelivery delivery, TenantWork tenantWork, MessageRenderer renderer,
            Vertx vertx, OperationsMetrics metrics, OutboundGuard guard,
            @ConfigProperty(name = "tidewatch.phish.contact-address") Optional<String> contactAddress) {
        this.config = config;
        this.delivery = delivery;
        this.tenantWork = tenantWork;
        this.renderer = renderer;
        this.vertx = vertx;
        this.metrics = metrics;
        this.instance = config.instanceId().orElseGet(MailDispatcher::defaultInstanceId);
        this.pool = new SmtpPool(config, guard);
        this.contactAddress = contactAddress.map(String::strip).orElse("").replaceAll("[\\r\\n]", "");
    }

    void start(@Observes @Priority(20) StartupEvent event) {
        // Jakarta Mail looks up its stream provider for every MIME part it writes; without this property each lookup
        // is a ServiceLoader scan of the class path (jar reads per part), which dominated the cost of a message.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        int n = Math.max(1, config.senders());
        senders = new Semaphore(n);
        executor = vertx.createSharedWorkerExecutor("tidewatch-mailer", n + 1, 30, TimeUnit.MINUTES);
        // A context of the mailer's own, created on the start-up thread: tasks submitted from it carry no request
        // context or log context of whoever woke the mailer (an HTTP request, the scheduler).
        home = vertx.getOrCreateContext();
        Log.infof("Mailer %s: %d senders, batches of %d, lease %s", instance, n, config.batchSize(), config.lease());
        wake();
    }

    /**
     * Graceful shutdown: no new batch is claimed, each sender finishes the message it is sending, puts every message
     * it claimed but has not started back to the queue (due now, so another replica or the next start sends it, once)
     * and records its outcomes; waits for that up to 20 s, then closes the sessions.
     */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        cancelTimer();
        if (senders != null) {
            try {
                if (senders.tryAcquire(Math.max(1, config.senders()), 20, TimeUnit.SECONDS)) {
                    senders.release(Math.max(1, config.senders()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.closeAll();
        if (executor != null) {
            executor.close();
        }
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        pool.closeIdle(config.idleTimeout());
        wake();
    }

    /** A campaign was just created: start sending without waiting for the next poll. */
    void launched(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignLaunched event) {
        wake();
    }

    /** This instance's name in claims. */
    String instance() {
        return instance;
    }

    /** Stops (or resumes) dispatching; batches in flight finish. For tests that arrange a crash by hand. */
    void pause(boolean pause) {
        paused = pause;
        if (!pause) {
            wake();
        }
    }

    /** Runs a dispatch pass unless one is running, in which case that one runs again when it ends. */
    void wake() {
        if (!config.enabled() || stopping || paused || executor == null) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            home.runOnContext(ignored -> executor.executeBlocking(() -> {
                dispatch();
                return null;
            }, false));
        }
    }

    private void dispatch() {
        try {
            while (again.getAndSet(false) && !paused && !stopping) {
                pass();
            }
            if (!paused && !stopping) {
                wakeAtNextDue();
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Mail dispatch pass failed");
        } finally {
            running.set(false);
        }
        if (again.get()) {
            wake();
        }
    }

    /**
     * Hands out work until no campaign is due: round-robin over the due campaigns, one task per free sender; each task
     * claims its own batch (so claims run in parallel), sends it and records it. A campaign whose claim comes back
     * empty is settled by that task and left alone for the rest of the pass.
     */
    private void pass() {
        long start = System.nanoTime();
        long before = sent.get() + retried.get() + failed.get();
        Set<String> drained = ConcurrentHashMap.newKeySet();
        boolean submitted = true;
        while (submitted && !paused && !stopping) {
            submitted = false;
            for (DueWork work : delivery.due(Instant.now(), DUE_PAGE)) {
                if (drained.contains(key(work))) {
                    continue;
                }
                if (paused || stopping || !acquireSender()) {
                    return;
                }
                if (stopping) {
                    senders.release();
                    return;
                }
                submitted = true;
                executor.executeBlocking(() -> {
                    if (!claimAndSend(work)) {
                        drained.add(key(work));
                    }
                    return null;
                }, false).onComplete(done -> senders.release());
            }
        }
        long handled = sent.get() + retried.get() + failed.get() - before;
        if (handled > 0) {
            Log.infof("Mailer pass: %d messages handled in %d ms (totals: %d sent, %d retrying, %d failed)", handled,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), sent.get(), retried.get(), failed.get());
        }
    }

    /**
     * Sets a timer for the earliest send due within the next poll period (a retry, a scheduled launch, the next slot
     * of a spread campaign), so it goes out on time rather than at the next poll.
     */
    private void wakeAtNextDue() {
        Instant now = Instant.now();
        Optional<Instant> next = delivery.due(now.plus(TIMER_HORIZON), DUE_PAGE).stream().map(DueWork::nextDue)
                .filter(at -> at.isAfter(now)).min(Comparator.naturalOrder());
        if (next.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (timer >= 0 && !timerAt.isAfter(next.get())) {
                return;
            }
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            timerAt = next.get();
            long delay = Math.max(1, Duration.between(now, next.get()).toMillis());
            timer = vertx.setTimer(delay, id -> {
                synchronized (this) {
                    if (timer == id) {
                        timer = -1;
                    }
                }
                wake();
            });
        }
    }

    private synchronized void cancelTimer() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    /** One sender's turn: claims a batch of the campaign and sends it; false when nothing was due (then settles). */
    private boolean claimAndSend(DueWork work) {
        List<ClaimedMessage> claimed = claim(work);
        if (claimed.isEmpty()) {
            settle(work, Instant.now());
            return false;
        }
        sendBatch(work, claimed, false);
        return true;
    }

    private boolean acquireSender() {
        try {
            return senders.tryAcquire(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<ClaimedMessage> claim(DueWork work) {
        return claim(work, config.batchSize());
    }

    /** Claims up to {@code max} due results of the campaign for this instance (a test hook on its own). */
    List<ClaimedMessage> claim(DueWork work, int max) {
        try {
            return tenantWork.call(work.orgId(), () -> delivery.claim(work.campaignId(), instance, max, Instant.now()));
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not claim e-mail of campaign %d in organization %d", work.campaignId(), work.orgId());
            return List.of();
        }
    }

    /** Settles a campaign's work at {@code now}: expired claims are failed, the next due time recomputed. */
    Settlement settle(DueWork work, Instant now) {
        try {
            Settlement settlement = tenantWork.call(work.orgId(),
                    () -> delivery.settle(work.campaignId(), now, config.lease()));
            if (settlement.expiredClaims() > 0) {
                Log.warnf("Campaign %d: %d claimed e-mails had no recorded outcome after the lease; marked Error, not"
                        + " resent", work.campaignId(), settlement.expiredClaims());
            }
            if (settlement.finished()) {
                contexts.remove(key(work));
            }
            return settlement;
        } catch (RuntimeException e) {
            Log.warnf(e, "Could not settle the mail work of campaign %d in organization %d", work.campaignId(),
                    work.orgId());
            return new Settlement(0, false);
        }
    }

    /**
     * Sends a claimed batch over one pooled session and records the outcomes. With {@code crashBeforeRecording} the
     * outcomes are dropped as if the process died right after sending (a test hook for the recovery path).
     */
    void sendBatch(DueWork work, List<ClaimedMessage> claimed, boolean crashBeforeRecording) {
        sendBatch(work, claimed, crashBeforeRecording, () -> stopping);
    }

    /**
     * Sends a claimed batch as if shutdown began after {@code started} of its messages had started (a test hook for
     * the release path of {@link #stop}).
     */
    void sendBatchShuttingDownAfter(DueWork work, List<ClaimedMessage> claimed, int started) {
        AtomicInteger count = new AtomicInteger();
        sendBatch(work, claimed, false, () -> count.getAndIncrement() >= started);
    }

    private void sendBatch(DueWork work, List<ClaimedMessage> claimed, boolean crashBeforeRecording,
            BooleanSupplier shuttingDown) {
        LogContext.run(work.orgId(), work.campaignId(),
                () -> sendBatchLogged(work, claimed, crashBeforeRecording, shuttingDown));
    }

    private void sendBatchLogged(DueWork work, List<ClaimedMessage> claimed, boolean crashBeforeRecording,
            BooleanSupplier shuttingDown) {
        try {
            Optional<Prepared> context = context(work);
            if (context.isEmpty()) {
                return;
            }
            List<SendOutcome> outcomes = new ArrayList<>(claimed.size());
            List<Long> unstarted = new ArrayList<>();
            send(context.get(), claimed, outcomes, unstarted, shuttingDown);
            if (crashBeforeRecording) {
                return;
            }
            Instant now = Instant.now();
            tenantWork.call(work.orgId(), () -> {
                delivery.record(work.campaignId(), instance, outcomes, now);
                delivery.release(work.campaignId(), instance, unstarted, now);
                return null;
            });
            count(outcomes);
            metrics.mailed(work.orgId(), outcomes);
            Log.debugf("Campaign %d: batch of %d handled, %d put back", work.campaignId(), outcomes.size(),
                    unstarted.size());
            if (!unstarted.isEmpty()) {
                Log.infof("Campaign %d: %d claimed e-mails put back unsent", work.campaignId(), unstarted.size());
                // Put back because the lease ran short: they are due now (a no-op while shutting down).
                wake();
            }
        } catch (RuntimeException e) {
            // The claims stay open; after the lease they are settled as unknown outcomes, never resent blindly.
            Log.errorf(e, "Campaign %d: recording a batch of %d failed", work.campaignId(), claimed.size());
        }
    }

    private void send(Prepared prepared, List<ClaimedMessage> claimed, List<SendOutcome> outcomes,
            List<Long> unstarted, BooleanSupplier shuttingDown) {
        SendContext ctx = prepared.context();
        if (ctx.failure() != null) {
            claimed.forEach(m -> outcomes.add(SendOutcome.failed(m, ctx.failure())));
            return;
        }
        SmtpSession session = pool.borrow(ctx.server());
        try {
            for (ClaimedMessage message : claimed) {
                if (shuttingDown.getAsBoolean() || leaseRunningOut(message)) {
                    unstarted.add(message.resultId());
                } else {
                    outcomes.add(sendOne(session, ctx, prepared.layout(), message));
                }
            }
        } finally {
            pool.giveBack(session);
        }
    }

    private SendOutcome sendOne(SmtpSession session, SendContext ctx, MessageComposer.Layout layout,
            ClaimedMessage message) {
        SMTPMessage mime;
        Address[] recipients;
        try {
            mime = MessageComposer.compose(composing, ctx, layout, message);
            recipients = mime.getAllRecipients();
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return SendOutcome.failed(message, "could not build the message: " + e.getMessage());
        } catch (StackOverflowError e) {
            // A template too deep to render must fail this recipient, not kill the sender and leave it at Sending.
            Log.warnf("Campaign %d: result %d could not be rendered (template too deeply nested)", ctx.campaignId(),
                    message.resultId());
            return SendOutcome.failed(message, "could not build the message: the template is too deeply nested");
        }
        SmtpResult result = session.send(mime, recipients);
        int attempt = message.attempts() + 1;
        return switch (result.kind()) {
            case ACCEPTED -> SendOutcome.sent(message);
            case PERMANENT, UNKNOWN -> SendOutcome.failed(message, result.text());
            case TEMPORARY -> attempt >= config.maxAttempts()
                    ? SendOutcome.failed(message, "max send attempts exceeded: " + result.text())
                    : SendOutcome.retry(message, result.text(), Instant.now().plus(backoff(attempt)));
        };
    }

    /** The delay before attempt {@code attempt + 1}: the base, doubled per attempt (1, 2, 4 ... 128 times the base). */
    Duration backoff(int attempt) {
        return config.backoffBase().multipliedBy(1L << Math.min(7, Math.max(0, attempt - 1)));
    }

    private boolean leaseRunningOut(ClaimedMessage message) {
        return Duration.between(message.claimedAt(), Instant.now()).compareTo(config.lease().dividedBy(2)) > 0;
    }

    private Optional<Prepared> context(DueWork work) {
        String key = key(work);
        Cached cached = contexts.get(key);
        if (cached != null && cached.expires().isAfter(Instant.now())) {
            return Optional.of(cached.prepared());
        }
        Optional<SendingMaterials> materials = tenantWork.call(work.orgId(), () -> delivery.materials(work.campaignId()));
        Optional<Prepared> prepared = materials.map(m -> prepare(SendContext.prepare(m, renderer)));
        prepared.ifPresent(p -> contexts.put(key, new Cached(p, Instant.now().plus(CONTEXT_TTL))));
        return prepared;
    }

    private Prepared prepare(SendContext ctx) {
        if (ctx.failure() != null) {
            return new Prepared(ctx, null);
        }
        try {
            return new Prepared(ctx, MessageComposer.layout(ctx, config.xMailer(), contactAddress));
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return new Prepared(ctx.failedWith("could not build the message: " + e.getMessage()), null);
        }
    }

    private void count(List<SendOutcome> outcomes) {
        for (SendOutcome o : outcomes) {
            (o.kind() == SendOutcome.Kind.SENT ? sent : o.kind() == SendOutcome.Kind.RETRY ? retried : failed)
                    .incrementAndGet();
        }
    }

    private static String key(DueWork work) {
        return work.orgId() + ":" + work.campaignId();
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        String name = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }

    /** A campaign prepared for sending: its context and the parts of its messages that are the same for all. */
    private record Prepared(SendContext context, MessageComposer.Layout layout) {
    }

    /** A prepared campaign and when to prepare it again (the profile password may change). */
    private record Cached(Prepared prepared, Instant expires) {
    }
}
