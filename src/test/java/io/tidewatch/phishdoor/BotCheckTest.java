package io.tidewatch.phishdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tidewatch.campaign.TrackingEvent.Kind;
import io.tidewatch.testing.DoorClient;

/** The scanner heuristic's rules, one by one. */
class BotCheckTest {

    private static final String CHROME = DoorClient.BROWSER;
    private final BotCheck check = new BotCheck(Duration.ofSeconds(5));
    private final Instant sent = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void flagsHeadRequestsAndMissingAgents() {
        assertThat(check.reason("HEAD", CHROME, Kind.CLICKED, sent, sent.plusSeconds(60))).hasValue("HEAD request");
        assertThat(check.reason("GET", null, Kind.OPENED, sent, sent.plusSeconds(60))).hasValue("no user agent");
        assertThat(check.reason("GET", " ", Kind.CLICKED, sent, sent.plusSeconds(60))).hasValue("no user agent");
    }

    @Test
    void flagsScannerAndLibraryAgentsWhateverTheirCase() {
        assertThat(check.reason("GET", "Mozilla/5.0 (compatible; Proofpoint URL Defense)", Kind.CLICKED, sent,
                sent.plusSeconds(60))).hasValueSatisfying(r -> assertThat(r).contains("proofpoint"));
        assertThat(check.reason("GET", "curl/8.4.0", Kind.OPENED, sent, sent.plusSeconds(60))).isPresent();
    }

    @Test
    void flagsClicksWithinSecondsOfDeliveryButNotOpens() {
        assertThat(check.reason("GET", CHROME, Kind.CLICKED, sent, sent.plusSeconds(2))).hasValue("within 5 s of delivery");
        assertThat(check.reason("POST", CHROME, Kind.SUBMITTED, sent, sent.plusSeconds(4))).isPresent();
        assertThat(check.reason("GET", CHROME, Kind.OPENED, sent, sent.plusSeconds(1))).isEmpty();
        assertThat(check.reason("GET", CHROME, Kind.CLICKED, sent, sent.plusSeconds(6))).isEmpty();
    }

    @Test
    void letsPeopleThrough() {
        assertThat(check.reason("GET", CHROME, Kind.CLICKED, sent, sent.plusSeconds(600))).isEmpty();
        assertThat(check.reason("GET", "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17126; Pro)",
                Kind.OPENED, sent, sent.plusSeconds(600))).isEmpty();
        assertThat(new BotCheck(Duration.ZERO).reason("GET", CHROME, Kind.CLICKED, sent, sent)).isEmpty();
    }
}
