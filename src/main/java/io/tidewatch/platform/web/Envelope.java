package io.tidewatch.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The Gophish response envelope: every error and acknowledgement under {@code /api}, keys in Gophish's order. */
@JsonPropertyOrder({ "message", "success", "data" })
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Envelope(String message, boolean success, Object data) {

    /** A successful acknowledgement without data. */
    public static Envelope ok(String message) {
        return new Envelope(message, true, null);
    }

    /** A successful acknowledgement carrying data (such as a new API key, shown once). */
    public static Envelope ok(String message, Object data) {
        return new Envelope(message, true, data);
    }

    /** A failure. */
    public static Envelope error(String message) {
        return new Envelope(message, false, null);
    }
}
