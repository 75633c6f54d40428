package io.tidewatch.console;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The campaign figures of the fleet view per organization: its last campaign and its human click and report rates.
 * Until campaigns exist there are none, and the page says so rather than showing a number.
 */
@ApplicationScoped
public class FleetFigures {

    /** An organization's figures; {@code lastCampaign} is null when it has run no campaign. */
    public record Figures(String lastCampaign, String lastLaunched, String clickRate, String reportRate) {

        /** True when there is something to show. */
        public boolean any() {
            return lastCampaign != null;
        }
    }

    static final Figures NONE = new Figures(null, null, null, null);

    /** The figures of one organization. */
    public Figures of(long orgId) {
        return NONE;
    }
}
