package io.tidewatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells: quoting per RFC 4180 and formula neutralisation, without Quarkus. */
class AuditCsvTest {

    @Test
    void prefixesCellsThatStartAFormula() {
        assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-1")).isEqualTo("'-1");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void quotesSeparatorsQuotesAndLineBreaks() {
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(AuditCsv.cell("member.add")).isEqualTo("member.add");
        assertThat(AuditCsv.cell("a-b=c")).isEqualTo("a-b=c");
        assertThat(AuditCsv.cell("")).isEmpty();
    }
}
