package io.tidewatch.phishdoor;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The phishing door's settings ({@code tidewatch.phish.*}). */
@ConfigMapping(prefix = "tidewatch.phish")
public interface PhishDoorConfig {

    /** Whether the door listens at all (default true). */
    @WithDefault("true")
    boolean enabled();

    /** The port (default 8080; 0 picks a free one, as the test profile does). */
    @WithDefault("8080")
    int port();

    /** The address to bind (default 127.0.0.1; production binds 0.0.0.0). */
    @WithDefault("127.0.0.1")
    String host();

    /** Event loops serving the door (default: one per processor). */
    Optional<Integer> eventLoops();

    /**
     * Who recipients can contact about the simulation ({@code TIDEWATCH_PHISH_CONTACT_ADDRESS}): shown by the
     * transparency answer (a rid followed by {@code +}) and sent as {@code X-Gophish-Contact} with every campaign
     * e-mail; empty (the default) sends no such header.
     */
    Optional<String> contactAddress();

    /** Tracking events waiting to be written at most; beyond it the door answers 503 (default 200000). */
    @WithDefault("200000")
    int queueCapacity();

    /** How long an acknowledged event may wait before its batch is written (default 100ms). */
    @WithDefault("100ms")
    Duration flushInterval();

    /** Repeated opens of one recipient within this window are recorded once (default 60s; 0 records every hit). */
    @WithDefault("60s")
    Duration repeatOpenWindow();

    /** A click or submission sooner than this after delivery is taken for a mail scanner (default 5s; 0 disables). */
    @WithDefault("5s")
    Duration scannerDelay();

    /** Recipients kept in the rid cache (default 200000). */
    @WithDefault("200000")
    int recipientCacheSize();

    /** How long a campaign's state (completed? landing page) is cached (default 5s). */
    @WithDefault("5s")
    Duration campaignCacheTtl();
}
