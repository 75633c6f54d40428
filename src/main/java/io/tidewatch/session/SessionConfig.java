package io.tidewatch.session;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Lifetimes and sign-in limits; the signing keys come from the platform token key (see {@link SessionKeys}). */
@ConfigMapping(prefix = "tidewatch.session")
public interface SessionConfig {

    /** How long a session cookie stays valid after sign-in; default 8 hours. */
    @WithDefault("8h")
    Duration ttl();

    /** How long an invitation link stays valid; default 72 hours. */
    @WithDefault("72h")
    Duration invitationTtl();

    /** Failed sign-ins allowed per account within {@link #failureWindow()}; default 5. */
    @WithDefault("5")
    int maxFailuresPerAccount();

    /**
     * Failed sign-ins allowed per client address within {@link #failureWindow()}; default 20, higher than per account
     * because one office behind NAT shares an address.
     */
    @WithDefault("20")
    int maxFailuresPerAddress();

    /** The sliding window over which failures count; default 5 minutes. */
    @WithDefault("5m")
    Duration failureWindow();
}
