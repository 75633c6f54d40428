package io.tidewatch.mailer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

/** The body encoder: what Jakarta Mail decodes is what went in, and no line is longer than 76 characters. */
class QuotedPrintableTest {

    @Test
    void roundTripsLongLinesNonAsciiAndEdgeCharacters() throws Exception {
        String text = "<p>" + "Lorem ipsum dolor sit amet. ".repeat(120) + "</p>\nZoë = Müller \t\r\nend \n\n€ at the end =";
        byte[] encoded = QuotedPrintable.encode(text);
        for (String line : new String(encoded, StandardCharsets.US_ASCII).split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(76);
            assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
        }
        try (InputStream decoded = MimeUtility.decode(new ByteArrayInputStream(encoded), "quoted-printable")) {
            String back = new String(decoded.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(back).isEqualTo(text.replace("\r\n", "\n").replace("\n", "\r\n"));
        }
    }

    @Test
    void leavesPlainShortTextAlmostAsItIs() {
        assertThat(new String(QuotedPrintable.encode("Hello Ann,\nvisit x=1"), StandardCharsets.US_ASCII))
                .isEqualTo("Hello Ann,\r\nvisit x=3D1");
    }
}
