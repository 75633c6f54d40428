package io.tidewatch.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Addresses read like Go's net/mail, with Go's messages. */
class MailAddressTest {

    @Test
    void readsBareAndNamedAddresses() {
        assertThat(MailAddress.parse("j@x.co")).isEqualTo(new MailAddress("", "j@x.co"));
        assertThat(MailAddress.parse("\"Doe, J\" <j@x.co>")).isEqualTo(new MailAddress("Doe, J", "j@x.co"));
        assertThat(MailAddress.parse("IT Support <it@corp.example>").name()).isEqualTo("IT Support");
        assertThat(MailAddress.parse("  <bare@x.co>  ").address()).isEqualTo("bare@x.co");
        assertThat(MailAddress.parse("zoë@bücher.example").address()).isEqualTo("zoë@bücher.example");
    }

    @Test
    void failsWithGoMessages() {
        assertThatThrownBy(() -> MailAddress.parse("")).hasMessage("mail: no address");
        assertThatThrownBy(() -> MailAddress.parse("foo")).hasMessage("mail: missing '@' or angle-addr");
        assertThatThrownBy(() -> MailAddress.parse("John Doe")).hasMessage("mail: no angle-addr");
        assertThatThrownBy(() -> MailAddress.parse("John <j@x.co")).hasMessage("mail: unclosed angle-addr");
        assertThatThrownBy(() -> MailAddress.parse("a@b.co, c@d.co"))
                .hasMessageStartingWith("mail: expected single address");
    }

    @Test
    void quotesDisplayNamesWhenFormatting() {
        assertThat(new MailAddress("Doe, \"J\"", "j@x.co").formatted()).isEqualTo("\"Doe, \\\"J\\\"\" <j@x.co>");
        assertThat(new MailAddress("", "j@x.co").formatted()).isEqualTo("j@x.co");
    }
}
