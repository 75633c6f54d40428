package io.tidewatch.webhook;

/**
 * A webhook as clients send it. A {@code secret} that is absent, empty or the mask from a GET leaves the stored one
 * unchanged; on PUT the id comes from the path.
 */
public record WebhookRequest(Long id, String name, String url, String secret, Boolean isActive) {
}
