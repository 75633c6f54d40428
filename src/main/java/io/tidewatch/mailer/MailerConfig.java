package io.tidewatch.mailer;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The mailer's settings ({@code tidewatch.mailer.*}). */
@ConfigMapping(prefix = "tidewatch.mailer")
public interface MailerConfig {

    /** Whether this instance sends campaign e-mail at all (default true). */
    @WithDefault("true")
    boolean enabled();

    /** Concurrent SMTP sessions, each sending one claimed batch at a time (default 16). */
    @WithDefault("16")
    int senders();

    /** Results claimed per batch; also the most a crash can leave with an unknown outcome per session (default 50). */
    @WithDefault("50")
    int batchSize();

    /** How long a claim may stay without an outcome before it is taken for a crashed sender's (default 2m). */
    @WithDefault("2m")
    Duration lease();

    /** Attempts before a temporarily failing message is marked Error (default 8, as in Gophish). */
    @WithDefault("8")
    int maxAttempts();

    /** The first retry delay; it doubles with every attempt (default 1m: 1, 2, 4 ... minutes). */
    @WithDefault("1m")
    Duration backoffBase();

    /** SMTP connect timeout (default 10s). */
    @WithDefault("10s")
    Duration connectTimeout();

    /** SMTP read timeout: how long to wait for any server reply (default 30s). */
    @WithDefault("30s")
    Duration readTimeout();

    /** SMTP write timeout (default 30s). */
    @WithDefault("30s")
    Duration writeTimeout();

    /** An idle SMTP session is closed after this long (default 30s). */
    @WithDefault("30s")
    Duration idleTimeout();

    /** Messages sent over one SMTP connection before it is replaced (default 1000). */
    @WithDefault("1000")
    int messagesPerSession();

    /** The X-Mailer header; a profile header with the same name replaces it (default "tidewatch"). */
    @WithDefault("tidewatch")
    String xMailer();

    /** This instance's name in claims (default: host name and a random suffix, new at every start). */
    Optional<String> instanceId();
}
