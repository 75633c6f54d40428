package io.tidewatch.campaign.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.campaign.TrackingEvent;
import io.tidewatch.campaign.internal.EventRows.NewEvent;
import io.tidewatch.tenancy.TenantJdbc;
import io.tidewatch.tenancy.TenantWork;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * Timeline rows go in as they were given (on PostgreSQL through COPY's text format, which escapes by hand): text with
 * backslashes, tabs, line breaks and any Unicode, null result ids, and moments of any precision and era.
 */
@QuarkusTest
class TimelineWriteTest {

    @Inject
    TenantWork tenantWork;

    @Inject
    TenantJdbc jdbc;

    @Test
    void storesEveryValueExactlyAsGiven() throws Exception {
        Tenant tenant = Fixtures.tenant("Timeline text", 5);
        List<NewEvent> events = List.of(
                new NewEvent(91, 7L, "ann@example.test", Instant.parse("2026-12-05T08:45:24.123Z"), "Email Opened",
                        "{\"payload\":{\"q\":[\"a\\\\tb\\\"c\"]},\"browser\":{\"user-agent\":\"Zoë 中 \uD83D\uDE00\"}}"),
                new NewEvent(91, null, "", Instant.parse("2026-12-05T08:45:00Z"), "Campaign Created", ""),
                new NewEvent(91, 8L, "tab\there@example.test", Instant.parse("2026-12-05T08:45:24.123456Z"),
                        "Clicked Link", "line\nbreak\r\nback\\slash \\N \\\\t end\\"),
                new NewEvent(91, 9L, "old@example.test", Instant.parse("1970-01-01T00:00:00.000001Z"), "Email Sent",
                        "x"),
                new NewEvent(92, 10L, "far@example.test", Instant.parse("9999-12-31T23:59:59.999999Z"), "Email Sent",
                        "\t"));

        List<NewEvent> read = inTenant(tenant, () -> jdbc.run(c -> {
            EventRows.insert(c, events);
            List<NewEvent> rows = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT campaign_id, result_id, email, event_time, message,"
                    + " details FROM campaign_event WHERE campaign_id IN (91, 92) ORDER BY id");
                    ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Long resultId = rs.getObject(2, Long.class);
                    rows.add(new NewEvent(rs.getLong(1), resultId, rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6)));
                }
            }
            return rows;
        }));

        assertThat(read).containsExactlyElementsOf(events);
    }

    @Test
    void aStatusAlreadyReachedIsNotWrittenAgainButAHigherOneIs() {
        StatusFloor floor = new StatusFloor(1000);
        TrackingEvent opened = event(1, TrackingEvent.Kind.OPENED, false);
        TrackingEvent clicked = event(1, TrackingEvent.Kind.CLICKED, false);
        TrackingEvent reported = event(1, TrackingEvent.Kind.REPORTED, false);
        TrackingEvent scanner = event(2, TrackingEvent.Kind.CLICKED, true);

        assertThat(floor.mayChange(5, List.of(opened, clicked))).containsExactly(opened, clicked);
        floor.committed(5, List.of(opened));

        assertThat(floor.mayChange(5, List.of(opened, clicked, reported, scanner)))
                .containsExactly(clicked, reported, scanner);
        assertThat(floor.mayChange(6, List.of(opened))).as("another organization's result 1").containsExactly(opened);
        floor.committed(5, List.of(clicked, scanner));
        assertThat(floor.mayChange(5, List.of(opened, clicked))).isEmpty();
        assertThat(floor.mayChange(5, List.of(event(2, TrackingEvent.Kind.OPENED, false))))
                .as("a scanner's click does not count as the person's").hasSize(1);
    }

    @Test
    void aFullFloorStartsAgainEmpty() {
        StatusFloor floor = new StatusFloor(2);
        TrackingEvent first = event(1, TrackingEvent.Kind.OPENED, false);
        floor.committed(5, List.of(first, event(2, TrackingEvent.Kind.OPENED, false)));
        floor.committed(5, List.of(event(3, TrackingEvent.Kind.OPENED, false)));
        assertThat(floor.mayChange(5, List.of(first))).containsExactly(first);
    }

    private static TrackingEvent event(long resultId, TrackingEvent.Kind kind,
            boolean flagged) {
        return new TrackingEvent(1, resultId, "p" + resultId + "@example.test", kind,
                Instant.parse("2026-12-05T08:00:00Z"), "192.0.2.1", "{}", flagged);
    }

    private <T> T inTenant(Tenant tenant, Supplier<T> work) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // Tenant work starts its own unit of work, so it runs off the test thread (which has a request context).
            return thread.submit(() -> tenantWork.call(tenant.id(), work)).get();
        } finally {
            thread.shutdownNow();
        }
    }
}
