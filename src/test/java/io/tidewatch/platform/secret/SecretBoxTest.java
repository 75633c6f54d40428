package io.tidewatch.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** AES-GCM sealing: round trip, fresh nonces, purpose binding, tamper and wrong-key detection, key checks. */
class SecretBoxTest {

    private static final SecretBox BOX = new SecretBox(new byte[32]);

    @Test
    void sealsAndOpens() {
        String sealed = BOX.seal("hunter2-ß", "smtp.password");
        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        assertThat(BOX.open(sealed, "smtp.password")).isEqualTo("hunter2-ß");
        assertThat(BOX.seal("hunter2-ß", "smtp.password")).isNotEqualTo(sealed);
        assertThat(BOX.seal("", "x")).isEmpty();
    }

    @Test
    void refusesAnotherPurposeATamperedValueAndAnotherKey() {
        String sealed = BOX.seal("secret", "smtp.password");
        assertThatThrownBy(() -> BOX.open(sealed, "imap.password")).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> BOX.open(tampered, "smtp.password")).isInstanceOf(IllegalStateException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SecretBox(other).open(sealed, "smtp.password"))
                .hasMessageContaining("does not open with the configured key");
    }

    @Test
    void explainsABadKey() {
        assertThatThrownBy(() -> SecretBox.fromBase64("not base64!")).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes, not 16");
    }
}
