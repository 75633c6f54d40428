package io.tidewatch.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.tidewatch.group.CsvTargets.RowError;
import io.tidewatch.platform.web.ApiException;

/** CSV as real exports write it: delimiters, BOMs, encodings, header variants, quoting, and bad rows by line. */
class CsvTargetsTest {

    private static CsvTargets.Result parse(String text) {
        return CsvTargets.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsGophishsOwnHeader() {
        CsvTargets.Result result = parse("First Name,Last Name,Email,Position\nAda,Lovelace,ada@x.test,Analyst\n");
        assertThat(result.errors()).isEmpty();
        assertThat(result.targets()).containsExactly(new TargetJson("ada@x.test", "Ada", "Lovelace", "Analyst"));
    }

    @Test
    void sniffsSemicolonsAndTabsAndSkipsAUtf8Bom() {
        String semicolon = "\uFEFFVorname;Nachname;E-Mail;Job Title\r\nJörg;Müller;jm@x.test;\"Leiter; IT\"\r\n";
        assertThat(parse(semicolon).targets()).containsExactly(new TargetJson("jm@x.test", "Jörg", "Müller", "Leiter; IT"));
        String tab = "email\tgiven name\tsurname\nzoe@x.test\tZoë\tŁódź\n";
        assertThat(parse(tab).targets()).containsExactly(new TargetJson("zoe@x.test", "Zoë", "Łódź", ""));
    }

    @Test
    void acceptsHeaderVariants() {
        assertThat(CsvTargets.canonical("E-Mail Address")).isEqualTo("emailaddress");
        assertThat(CsvTargets.canonical(" first_name ")).isEqualTo("firstname");
        assertThat(CsvTargets.canonical("Prénom")).isEqualTo("prenom");
        CsvTargets.Result result = parse("FirstName,Family name,Mail,Title\nA,B,a@x.test,C\n");
        assertThat(result.targets()).containsExactly(new TargetJson("a@x.test", "A", "B", "C"));
    }

    @Test
    void transcodesWindows1252() {
        byte[] bytes = "Email,First Name,Last Name\nzoe@x.test,Zoë,Ångström\n".getBytes(Charset.forName("windows-1252"));
        assertThat(CsvTargets.parse(bytes).targets()).containsExactly(new TargetJson("zoe@x.test", "Zoë", "Ångström", ""));
    }

    @Test
    void readsUtf16WithABom() {
        byte[] bytes = "Email\tFirst Name\nl@x.test\tŁucja\n".getBytes(StandardCharsets.UTF_16);
        assertThat(CsvTargets.parse(bytes).targets()).containsExactly(new TargetJson("l@x.test", "Łucja", "", ""));
    }

    @Test
    void refusesBytesThatAreNeitherUtf8NorWindows1252() {
        byte[] bytes = { 'E', 'm', 'a', 'i', 'l', '\n', 'a', (byte) 0x81, '@', 'x', '\n' };
        assertThatThrownBy(() -> CsvTargets.parse(bytes)).isInstanceOf(ApiException.class)
                .hasMessageContaining("neither UTF-8 nor Windows-1252");
    }

    @Test
    void parsesNetMailAddressesAndQuotedFieldsWithNewlines() {
        String csv = "Email,Position\n\"\"\"Doe, J\"\" <j@x.co>\",\"Line one\nline two\"\nk@x.co,Ops\n";
        CsvTargets.Result result = parse(csv);
        assertThat(result.errors()).isEmpty();
        assertThat(result.targets()).extracting(TargetJson::email).containsExactly("j@x.co", "k@x.co");
    }

    @Test
    void reportsEveryBadRowWithItsLineAndImportsNothing() {
        String csv = "First Name,Last Name,Email,Position\n"
                + "Ada,Lovelace,ada@x.test,Analyst\n"
                + "Bob,Short\n"
                + "\"Multi\nline\",X,not-an-address,Y\n"
                + "Cy,Empty,,Z\n"
                + ",,,\n"
                + "Di,Extra,di@x.test,W,unexpected\n";
        CsvTargets.Result result = parse(csv);
        assertThat(result.targets()).isEmpty();
        assertThat(result.errors()).containsExactly(
                new RowError(3, "expected 4 fields, found 2"),
                new RowError(4, "mail: missing '@' or angle-addr"),
                new RowError(6, "no e-mail address"),
                new RowError(8, "expected 4 fields, found 5 (is a field with the delimiter in it missing its quotes?)"));
    }

    @Test
    void neverFillsAFieldFromAnotherRow() {
        CsvTargets.Result result = parse("Email,First Name\na@x.test,Ann\nb@x.test,\n");
        assertThat(result.targets()).containsExactly(new TargetJson("a@x.test", "Ann", "", ""),
                new TargetJson("b@x.test", "", "", ""));
    }

    @Test
    void requiresAnEmailColumn() {
        assertThatThrownBy(() -> parse("Name,Phone\nA,1\n")).hasMessageContaining("No e-mail column");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("empty");
    }
}
