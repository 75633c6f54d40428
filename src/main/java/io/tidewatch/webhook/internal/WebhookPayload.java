package io.tidewatch.webhook.internal;

import java.nio.charset.StandardCharsets;

import io.tidewatch.platform.web.GoTime;
import io.tidewatch.webhook.WebhookEvent;

/**
 * The body Gophish posts for an event: compact JSON {@code {"campaign_id","email","time","message","details"}} in
 * that order, with Go's escaping ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as {@code \}u escapes).
 */
public final class WebhookPayload {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private WebhookPayload() {
    }

    /** The UTF-8 body for one event. */
    public static byte[] of(WebhookEvent event) {
        StringBuilder json = new StringBuilder(160);
        json.append("{\"campaign_id\":").append(event.campaignId());
        json.append(",\"email\":");
        string(json, event.email());
        json.append(",\"time\":");
        string(json, GoTime.format(event.time()));
        json.append(",\"message\":");
        string(json, event.message());
        json.append(",\"details\":");
        string(json, event.details());
        json.append('}');
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        String text = value == null ? "" : value;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        json.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
