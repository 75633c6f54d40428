package io.tidewatch.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.tidewatch.report.FleetEntryView;
import io.tidewatch.report.ReportService;

/**
 * The campaign figures of the fleet view per organization, as the report service computes them for
 * {@code /api/reports/fleet}: its last campaign and its human click and report rates over the campaigns launched in
 * the last 30 days. An organization that never launched one shows no figures rather than a number.
 */
@ApplicationScoped
public class FleetFigures {

    /** What the rates read when nothing was sent in the last 30 days. */
    static final String NO_RATE = "-";

    /**
     * An organization's figures, shown as text; {@code lastCampaign} is null when it has run no campaign, and
     * {@code available} is false when its figures could not be read.
     */
    public record Figures(String lastCampaign, String lastLaunched, String clickRate, String reportRate,
            boolean available) {

        /** True when there is something to show. */
        public boolean any() {
            return lastCampaign != null;
        }
    }

    static final Figures NONE = new Figures(null, null, null, null, true);

    private final ReportService reports;

    FleetFigures(ReportService reports) {
        this.reports = reports;
    }

    /** The figures of these organizations, by id; one missing from the answer gets {@link #NONE}. */
    public Map<Long, Figures> of(List<Long> orgIds) {
        Map<Long, Figures> figures = new HashMap<>();
        if (orgIds.isEmpty()) {
            return figures;
        }
        for (FleetEntryView e : reports.fleet(Optional.of(orgIds))) {
            figures.put(e.id(), figures(e));
        }
        return figures;
    }

    private static Figures figures(FleetEntryView e) {
        if (!e.available()) {
            return new Figures(null, null, null, null, false);
        }
        if (e.lastCampaignName() == null) {
            return NONE;
        }
        return new Figures(e.lastCampaignName(), ConsoleFormats.time(e.lastCampaignDate()), rate(e.clickRate()),
                rate(e.reportRate()), true);
    }

    /** A rate (0 to 1) as a whole percentage. */
    static String rate(Double rate) {
        return rate == null ? NO_RATE : Math.round(rate * 100) + "%";
    }
}
