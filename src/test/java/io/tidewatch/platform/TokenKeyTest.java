package io.tidewatch.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The token key from configuration: base64 of at least 32 bytes, refused clearly otherwise, never echoed. */
class TokenKeyTest {

    @Test
    void acceptsStandardAndUrlSafeBase64OfThirtyTwoBytes() {
        byte[] bytes = new byte[32];
        bytes[0] = (byte) 0xfb;
        bytes[1] = (byte) 0xff;

        assertThat(TokenKey.decode(Base64.getEncoder().encodeToString(bytes))).isEqualTo(bytes);
        assertThat(TokenKey.decode(Base64.getUrlEncoder().encodeToString(bytes))).isEqualTo(bytes);
        assertThat(new TokenKey(Optional.of(Base64.getEncoder().encodeToString(bytes))).secretKey().getEncoded())
                .isEqualTo(bytes);
    }

    @Test
    void withoutAKeyEachStartMakesADifferentRandomOne() {
        byte[] first = new TokenKey(Optional.empty()).secretKey().getEncoded();
        byte[] second = new TokenKey(Optional.of(" ")).secretKey().getEncoded();

        assertThat(first).hasSize(TokenKey.MIN_BYTES).isNotEqualTo(second);
    }

    @Test
    void refusesShortKeysWithoutEchoingThem() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());

        assertThatThrownBy(() -> TokenKey.decode(shortKey)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes").hasMessageNotContaining(shortKey);
    }

    @Test
    void refusesTextThatIsNotBase64() {
        assertThatThrownBy(() -> TokenKey.decode("not base64 at all!")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base64").hasMessageNotContaining("not base64 at all!");
    }
}
