package io.tidewatch.phishdoor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.tidewatch.campaign.TrackingEvent;

/**
 * Tells mail scanners and link-preview bots from people, simply and visibly: a HEAD request; no user agent; a user
 * agent of a known scanner, preview bot or HTTP library; a click or submission within seconds of delivery (people
 * do not read that fast; gateways that detonate links do). The reason goes into the event's details as
 * {@code flagged_as_bot}; flagged events stay on the timeline but never move a recipient's status.
 */
final class BotCheck {

    /** Lower-case fragments of user agents that are not a person's browser or mail client. */
    static final List<String> AGENTS = List.of("bot", "crawler", "spider", "slurp", "preview", "scanner",
            "facebookexternalhit", "whatsapp", "skypeuripreview", "proofpoint", "mimecast", "barracuda", "forcepoint",
            "symantec", "trendmicro", "zscaler", "safelinks", "microsoft office protocol discovery", "headlesschrome",
            "phantomjs", "python-requests", "python-urllib", "curl/", "wget/", "go-http-client", "java-http-client",
            "apache-httpclient", "okhttp", "libwww-perl", "httpclient", "axios/", "node-fetch");

    private final Duration scannerDelay;

    BotCheck(Duration scannerDelay) {
        this.scannerDelay = scannerDelay;
    }

    /** Why this hit looks automated, if it does. */
    Optional<String> reason(String method, String userAgent, TrackingEvent.Kind kind, Instant sendDate, Instant now) {
        if ("HEAD".equals(method)) {
            return Optional.of("HEAD request");
        }
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.of("no user agent");
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String fragment : AGENTS) {
            if (agent.contains(fragment)) {
                return Optional.of("user agent of a scanner, preview bot or HTTP library (" + fragment.strip() + ")");
            }
        }
        boolean engaged = kind == TrackingEvent.Kind.CLICKED || kind == TrackingEvent.Kind.SUBMITTED;
        if (engaged && sendDate != null && !scannerDelay.isZero() && !now.isBefore(sendDate)
                && Duration.between(sendDate, now).compareTo(scannerDelay) < 0) {
            return Optional.of("within " + scannerDelay.toSeconds() + " s of delivery");
        }
        return Optional.empty();
    }
}
