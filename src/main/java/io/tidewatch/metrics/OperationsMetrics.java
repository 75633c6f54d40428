package io.tidewatch.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.tidewatch.campaign.SendOutcome;
import io.tidewatch.campaign.TrackingEvent;

/**
 * Counts what the mailer and the phishing door did, per organization: {@code tidewatch_emails_total} by outcome
 * (sent, retrying, error) and {@code tidewatch_tracking_events_total} by type (opened, clicked, submitted, reported),
 * both labelled {@code organization} with the organization id (or {@code all} when per-organization labels are off).
 * {@code tidewatch_mail_queue_depth} is the campaign e-mail waiting to be sent on the whole platform.
 */
@Startup
@Singleton
public class OperationsMetrics {

    static final String EMAILS = "tidewatch.emails";
    static final String TRACKING_EVENTS = "tidewatch.tracking.events";
    static final String QUEUE_DEPTH = "tidewatch.mail.queue.depth";
    static final String ALL = "all";

    private final MeterRegistry registry;
    private final boolean perOrganization;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Gauge queueDepthGauge;

    OperationsMetrics(MeterRegistry registry, MetricsConfig config, QueueDepth queueDepth) {
        this.registry = registry;
        this.perOrganization = config.perOrganization();
        this.queueDepthGauge = Gauge.builder(QUEUE_DEPTH, queueDepth, QueueDepth::read)
                .description("Campaign e-mails scheduled, due or being sent, across organizations")
                .baseUnit("messages").strongReference(true).register(registry);
    }

    /** Counts the outcomes of a batch the mailer recorded for organization {@code orgId}. */
    public void mailed(long orgId, List<SendOutcome> outcomes) {
        for (SendOutcome outcome : outcomes) {
            counter(EMAILS, "outcome", outcomeLabel(outcome.kind()), orgId, "Campaign e-mails handled, by outcome")
                    .increment();
        }
    }

    /** Counts the tracking events written for organization {@code orgId}. */
    public void tracked(long orgId, List<TrackingEvent> events) {
        for (TrackingEvent event : events) {
            counter(TRACKING_EVENTS, "type", event.kind().name().toLowerCase(Locale.ROOT), orgId,
                    "Tracking events recorded, by type").increment();
        }
    }

    /**
     * Takes this instance's meters out of the registry when the application stops: Micrometer's global registry
     * outlives an application restarted in the same JVM (as tests do), and would keep reading a stopped instance.
     */
    @PreDestroy
    void unregister() {
        registry.remove(queueDepthGauge);
        counters.values().forEach(registry::remove);
    }

    static String outcomeLabel(SendOutcome.Kind kind) {
        return switch (kind) {
            case SENT -> "sent";
            case RETRY -> "retrying";
            case FAILED -> "error";
        };
    }

    private Counter counter(String name, String key, String value, long orgId, String description) {
        String organization = perOrganization ? Long.toString(orgId) : ALL;
        return counters.computeIfAbsent(name + '|' + value + '|' + organization,
                ignored -> Counter.builder(name).description(description).tag(key, value)
                        .tag("organization", organization).register(registry));
    }
}
