package io.tidewatch.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The WCAG arithmetic behind brand colours: luminance, ratios, the readable text colour, and warnings. */
class ContrastTest {

    @Test
    void blackOnWhiteIsTwentyOneToOne() {
        assertThat(Contrast.ratio("#000000", "#FFFFFF")).isCloseTo(21.0, within(0.001));
        assertThat(Contrast.ratio("#FFFFFF", "#FFFFFF")).isCloseTo(1.0, within(0.001));
    }

    @Test
    void matchesPublishedRatios() {
        // #767676 on white is the classic "just passes AA" grey (4.54:1).
        assertThat(Contrast.ratio("#767676", "#FFFFFF")).isCloseTo(4.54, within(0.01));
        assertThat(Contrast.ratio("#777777", "#FFFFFF")).isLessThan(4.5);
        assertThat(Contrast.luminance("#FF0000")).isCloseTo(0.2126, within(0.0001));
    }

    @Test
    void picksWhiteTextOnDarkColoursAndDarkTextOnLightOnes() {
        assertThat(Contrast.readableTextOn("#0B5CAB")).isEqualTo(Contrast.WHITE);
        assertThat(Contrast.readableTextOn("#1E1B4B")).isEqualTo(Contrast.WHITE);
        assertThat(Contrast.readableTextOn("#FFD700")).isEqualTo(Contrast.NEAR_BLACK);
        assertThat(Contrast.readableTextOn("#7DD3FC")).isEqualTo(Contrast.NEAR_BLACK);
    }

    @Test
    void warnsOnlyWhenNoTextColourReachesAa() {
        assertThat(Contrast.warning("primary_color", "#0B5CAB")).isEmpty();
        assertThat(Contrast.warning("primary_color", "#FFD700")).isEmpty();
        assertThat(Contrast.warning("primary_color", "#7F7F7F")).hasValueSatisfying(w -> assertThat(w)
                .startsWith("primary_color: ").contains("#7F7F7F").contains("4.5:1"));
    }

    @Test
    void everyMidGreyThatFailsBothIsWarnedAbout() {
        for (int v = 0; v <= 255; v++) {
            String grey = String.format("#%02X%02X%02X", v, v, v);
            double best = Math.max(Contrast.ratio(grey, Contrast.WHITE), Contrast.ratio(grey, Contrast.NEAR_BLACK));
            assertThat(Contrast.warning("c", grey).isPresent()).as(grey).isEqualTo(best < 4.5);
            assertThat(Contrast.ratio(grey, Contrast.readableTextOn(grey))).as(grey).isCloseTo(best, within(1e-9));
        }
    }

    @Test
    void recognisesHexColours() {
        assertThat(Contrast.isHexColor("#a1B2c3")).isTrue();
        assertThat(Contrast.isHexColor("a1b2c3")).isFalse();
        assertThat(Contrast.isHexColor("#abc")).isFalse();
        assertThat(Contrast.isHexColor("#GGGGGG")).isFalse();
        assertThat(Contrast.isHexColor(null)).isFalse();
    }
}
