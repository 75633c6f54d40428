package io.tidewatch.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tidewatch.webhook.internal.WebhookPayload;

/** The body and signature a webhook receives are byte for byte what Gophish sends. */
class WebhookPayloadTest {

    @Test
    void writesGophishsEventJsonWithGosEscaping() {
        WebhookEvent event = new WebhookEvent(7, "ana@example.test", Instant.parse("2026-12-04T20:22:31.123Z"),
                "Submitted Data", "{\"payload\":{\"q\":[\"<b>&\\\"\"]}}\n\u2028");
        String body = new String(WebhookPayload.of(event), StandardCharsets.UTF_8);
        assertThat(body).isEqualTo("{\"campaign_id\":7,\"email\":\"ana@example.test\",\"time\":\"2026-12-04T20:22:31.123Z\","
                + "\"message\":\"Submitted Data\",\"details\":\"{\\\"payload\\\":{\\\"q\\\":[\\\"\\u003cb\\u003e\\u0026"
                + "\\\\\\\"\\\"]}}\\n\\u2028\"}");
    }

    @Test
    void signsTheBodyWithHmacSha256OfTheSecret() {
        byte[] body = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);
        // HMAC-SHA256("{\"success\":true}", "secret"), as openssl dgst -sha256 -hmac secret prints it.
        assertThat(WebhookSignature.sign(body, "secret"))
                .isEqualTo("sha256=8654a464e966658d4fb3467f2df004b76d96867ec7afd20cb52fdcce423e74d7");
    }
}
