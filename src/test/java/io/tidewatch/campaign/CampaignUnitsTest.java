package io.tidewatch.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tidewatch.campaign.MessageRenderer.Recipient;
import io.tidewatch.campaign.internal.GoTemplateRenderer;
import io.tidewatch.campaign.internal.Rids;
import io.tidewatch.campaign.internal.Stats;

/** Rids, the statistics funnel and the interim template renderer. */
class CampaignUnitsTest {

    private final Recipient ann = new Recipient("Ann", "O'Neil", "ann@example.test", "CFO", "it@example.test", "AbC1234",
            "https://phish.example.test/login?lang=en#top");

    @Test
    void makesSevenCharacterRidsThatDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String rid = Rids.next();
            assertThat(Rids.isWellFormed(rid)).isTrue();
            seen.add(rid);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(Rids.isWellFormed("abc")).isFalse();
        assertThat(Rids.isWellFormed("abc-123")).isFalse();
        assertThat(Rids.distinct(5, Set.of())).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void countsTheFunnelCumulativelyAndReportsApart() {
        Stats stats = Stats.of(Map.of("Email Sent", 10L, "Email Opened", 5L, "Clicked Link", 3L, "Submitted Data", 2L,
                "Error", 1L, "Scheduled", 4L));
        assertThat(stats).isEqualTo(new Stats(25, 20, 10, 5, 2, 0, 1));
        Map<String, Long> withReports = Map.of("Email Sent", 2L, Stats.REPORTED, 1L);
        assertThat(Stats.of(withReports).emailReported()).isEqualTo(1);
        assertThat(Stats.of(withReports).total()).isEqualTo(2);
        assertThat(Stats.of(Map.of())).isEqualTo(new Stats(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void rendersGophishVariablesEscapingHtmlButNotTheTracker() {
        MessageRenderer renderer = new GoTemplateRenderer();
        String html = renderer.compile("<p>{{.FirstName}} {{ .LastName }}</p><a href=\"{{.URL}}\">x</a>{{.Tracker}}")
                .render(ann, true);
        assertThat(html).startsWith("<p>Ann O&#39;Neil</p><a href=\"https://phish.example.test/login?")
                .contains("rid=AbC1234")
                .contains("<img alt='' style='display: none' src='https://phish.example.test/login/track?");
        assertThat(renderer.compile("{{.Email}} {{.Position}} {{.From}} {{.RId}} {{.BaseURL}}").render(ann, false))
                .isEqualTo("ann@example.test CFO it@example.test AbC1234 https://phish.example.test");
    }

    @Test
    void rendersConditionalsAndRefusesUnknownVariables() {
        MessageRenderer renderer = new GoTemplateRenderer();
        assertThat(renderer.compile("{{if .FirstName}}Dear {{.FirstName}}{{else}}Hello{{end}}").render(ann, false))
                .isEqualTo("Dear Ann");
        assertThatThrownBy(() -> renderer.compile("Hi {{.EMAIL}}")).hasMessageContaining("{{.EMAIL}}");
    }
}
