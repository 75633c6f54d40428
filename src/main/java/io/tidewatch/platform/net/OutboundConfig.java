package io.tidewatch.platform.net;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which destinations outbound connections may reach. */
@ConfigMapping(prefix = "tidewatch.outbound")
public interface OutboundConfig {

    /**
     * Whether loopback and private-network addresses (127/8, 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7, ::1)
     * may be reached ({@code TIDEWATCH_OUTBOUND_ALLOW_PRIVATE}); default false. Link-local and cloud-metadata
     * addresses are refused whatever this says.
     */
    @WithDefault("false")
    boolean allowPrivate();
}
