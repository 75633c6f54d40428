package io.tidewatch.webhook;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Gophish's webhook object; the secret is never returned, only {@value #MASK} when one is set. */
@JsonPropertyOrder({ "id", "name", "url", "secret", "is_active" })
public record WebhookView(long id, String name, String url, String secret, boolean isActive) {

    /** What a response shows for a stored secret; sent back, it means "unchanged". */
    public static final String MASK = "********";
}
