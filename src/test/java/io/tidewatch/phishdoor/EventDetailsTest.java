package io.tidewatch.phishdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The door writes an event's details by hand; they must be the JSON Gophish clients parse, value for value. */
class EventDetailsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void detailsAreTheSameJsonAJsonLibraryWrites() throws Exception {
        Map<String, List<String>> payload = new LinkedHashMap<>();
        payload.put("rid", List.of("AbC1234"));
        payload.put("user\"name", List.of("a\tb\nc\\d\r\"e\" \u00e9\u4e2d \u0000\u001f </script>", ""));
        payload.put("empty", List.of());
        String agent = "Mozilla/5.0 \"quoted\" \\ backslash";

        String written = PhishHandler.details(payload, "192.0.2.7", agent, Optional.of("no user agent"));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("payload", payload);
        expected.put("browser", Map.of("address", "192.0.2.7", "user-agent", agent));
        expected.put("flagged_as_bot", "no user agent");
        assertThat(json.readTree(written)).isEqualTo(json.valueToTree(expected));
    }

    @Test
    void aUserAgentSentAsUtf8BytesIsReadAsUtf8AndOtherBytesAreKept() {
        String sent = "Mozilla/5.0 (Zoë\u2028)";
        String asReceived = new String(sent.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(PhishHandler.utf8(asReceived)).isEqualTo(sent);
        assertThat(PhishHandler.utf8("caf\u00e9 latin-1")).isEqualTo("caf\u00e9 latin-1");
        assertThat(PhishHandler.utf8("plain")).isEqualTo("plain");
    }

    @Test
    void anUnflaggedHitHasNoBotReasonAndALongUserAgentIsCut() throws Exception {
        String written = PhishHandler.details(Map.of(), "", "x".repeat(600), Optional.empty());

        assertThat(json.readTree(written).has("flagged_as_bot")).isFalse();
        assertThat(json.readTree(written).at("/browser/user-agent").asText()).hasSize(512);
        assertThat(json.readTree(written).at("/payload").isObject()).isTrue();
    }

    @Test
    void aRedirectTargetCarryingLineBreaksOrSpacesFromARecipientStaysOneHeaderValue() {
        assertThat(PhishHandler.location("https://example.com/a\r\nSet-Cookie: x=1"))
                .isEqualTo("https://example.com/a%0D%0ASet-Cookie:%20x=1");
        assertThat(PhishHandler.location("https://example.com/ok?q=1")).isEqualTo("https://example.com/ok?q=1");
    }
}
