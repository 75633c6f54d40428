package io.tidewatch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Gophish's webhook signature: {@code X-Gophish-Signature: sha256=<hex HMAC-SHA256(body, secret)>}. */
public final class WebhookSignature {

    /** The header carrying the signature. */
    public static final String HEADER = "X-Gophish-Signature";

    private WebhookSignature() {
    }

    /** The header value for this body and secret. */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            // HMAC pads keys with zeros, so one zero byte signs exactly like the empty key (which Java refuses).
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
