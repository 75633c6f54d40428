package io.tidewatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tidewatch.platform.web.ApiException;

/** A report's period as the from/to parameters give it. */
class ReportPeriodTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:15:30Z");

    @Test
    void withoutParametersItIsTheLastThirtyDays() {
        ReportPeriod period = ReportPeriod.parse(null, null, NOW);

        assertThat(period.to()).isEqualTo(NOW);
        assertThat(period.from()).isEqualTo(Instant.parse("2026-11-05T10:15:30Z"));
        assertThat(period.previous().to()).isEqualTo(period.from());
    }

    @Test
    void aDateAloneCoversThatWholeDay() {
        ReportPeriod period = ReportPeriod.parse("2026-11-01", "2026-11-30", NOW);

        assertThat(period.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(period.label()).isEqualTo("2026-11-01 – 2026-11-30");
    }

    @Test
    void refusesAPeriodBeginningBeforeTheEpochOrEndingBeforeItBegins() {
        assertThatThrownBy(() -> ReportPeriod.parse(null, "0001-01-01", NOW)).isInstanceOf(ApiException.class)
                .hasMessageContaining("1970");
        assertThatThrownBy(() -> ReportPeriod.parse("2026-12-01", "2026-11-01", NOW)).isInstanceOf(ApiException.class)
                .hasMessageContaining("before to");
    }
}
