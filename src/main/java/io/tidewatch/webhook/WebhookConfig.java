package io.tidewatch.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhook delivery settings ({@code tidewatch.webhook.*}). */
@ConfigMapping(prefix = "tidewatch.webhook")
public interface WebhookConfig {

    /** Whether this instance delivers queued webhook events (default true); events are queued either way. */
    @WithDefault("true")
    boolean deliver();

    /** Deliveries claimed per organization and round (default 100). */
    @WithDefault("100")
    int batchSize();

    /** Attempts per event and webhook before the delivery is marked failed (default 10). */
    @WithDefault("10")
    int maxAttempts();

    /** The first retry delay; it doubles with every failed attempt (default 15s: 15 s, 30 s, 1 min ...). */
    @WithDefault("15s")
    Duration backoffBase();

    /** The longest retry delay (default 1h). */
    @WithDefault("1h")
    Duration backoffMax();

    /** TCP connect timeout of a delivery (default 5s). */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long a delivery waits for the response once connected (default 10s, as in Gophish). */
    @WithDefault("10s")
    Duration readTimeout();

    /**
     * How long a claimed delivery belongs to the instance that claimed it (default 2m); after that another instance
     * may deliver it again (a crash mid-delivery means at-least-once).
     */
    @WithDefault("2m")
    Duration lease();

    /**
     * How often every organization is checked for due deliveries (default 30s); events queued on this instance are
     * delivered at once, this sweep picks up those another (perhaps crashed) instance queued.
     */
    @WithDefault("30s")
    Duration sweepInterval();

    /** How long "this organization has an active webhook" is remembered by the event writers (default 5s). */
    @WithDefault("5s")
    Duration activeCacheTtl();

    /** How long failed deliveries are kept (default 168h, a week). */
    @WithDefault("168h")
    Duration keepFailed();
}
