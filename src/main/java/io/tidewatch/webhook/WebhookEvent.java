package io.tidewatch.webhook;

import java.time.Instant;

/**
 * A campaign timeline event as webhooks receive it: Gophish's event JSON ({@code campaign_id}, {@code email},
 * {@code time}, {@code message}, {@code details}); {@code details} is JSON text or empty.
 */
public record WebhookEvent(long campaignId, String email, Instant time, String message, String details) {
}
