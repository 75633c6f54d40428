package io.tidewatch.imap;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The IMAP monitor's settings ({@code tidewatch.imap.*}); each mailbox's own frequency is in its settings. */
@ConfigMapping(prefix = "tidewatch.imap")
public interface ImapConfig {

    /** How often this replica looks for mailboxes due for a poll (default 15s; {@code off} stops the monitor). */
    @WithDefault("15s")
    String pollEvery();

    /** Mailboxes polled at the same time by this replica (default 4). */
    @WithDefault("4")
    int pollers();

    /**
     * How long a replica holds a mailbox it claimed (default 10m): a poll stops taking new messages at half of it,
     * and a crashed replica's mailbox is polled again once it runs out.
     */
    @WithDefault("10m")
    Duration lease();

    /** Unseen messages handled per poll; the rest wait for the next poll (default 100). */
    @WithDefault("100")
    int maxMessages();

    /** Larger messages are set aside unread by the monitor (default 26214400, 25 MiB). */
    @WithDefault("26214400")
    int maxMessageBytes();
}
