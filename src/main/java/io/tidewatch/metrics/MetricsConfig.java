package io.tidewatch.metrics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the application metrics. */
@ConfigMapping(prefix = "tidewatch.metrics")
public interface MetricsConfig {

    /**
     * Whether counters carry the organization id as a label (default true). Each organization adds up to seven series
     * (three e-mail outcomes, four tracking event types); turn it off on platforms with thousands of organizations.
     */
    @WithDefault("true")
    boolean perOrganization();

    /** How long a measured mail queue depth is reused before it is measured again (default 15s). */
    @WithDefault("15s")
    Duration queueDepthTtl();
}
