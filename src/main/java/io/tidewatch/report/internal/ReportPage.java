package io.tidewatch.report.internal;

import java.util.List;

/**
 * The executive report as its template reads it: every figure already formatted, bar lengths for the SVG charts
 * already computed, and the brand's colours as values (OpenHTMLtoPDF ignores CSS variables).
 */
public record ReportPage(String orgName, String primary, String primaryText, String secondary, String secondaryText,
        String logoDataUri, String supportUrl, String supportEmail, String period, String previousPeriod,
        String generated, boolean empty, List<List<Kpi>> kpiRows, List<Bar> funnel, List<CampaignBars> campaignChart,
        int chartedCampaigns, List<CampaignRow> campaigns, boolean groupsAvailable, String groupsBasis,
        List<GroupRow> groups, long repeatCount, boolean namesVisible, List<PersonRow> people, String repeatNote,
        String training, String botNote) {

    /** The longest bar, in SVG user units. */
    public static final int BAR_WIDTH = 300;

    /** True when the page has a logo image (otherwise the name is shown in its place). */
    public boolean hasLogo() {
        return logoDataUri != null;
    }

    /** True when a support link or address is known. */
    public boolean hasSupport() {
        return supportUrl != null || supportEmail != null;
    }

    /** A headline figure with its previous value and the change (arrow and tone: good, bad or neutral). */
    public record Kpi(String label, String value, String previous, String change, String arrow, String tone) {
    }

    /** One bar of the funnel chart. */
    public record Bar(String label, String value, int width, String color) {
    }

    /** One campaign in the click/report chart. */
    public record CampaignBars(String name, int clickWidth, int reportWidth, String click, String report) {
    }

    /** One row of the campaign table. */
    public record CampaignRow(String name, String launched, String status, String recipients, String sent, String open,
            String click, String submit, String report) {
    }

    /** One row of the group table. */
    public record GroupRow(String name, String results, String sent, String click, String submit, String report) {
    }

    /** A repeat clicker the caller may see. */
    public record PersonRow(String name, String email, long campaigns) {
    }
}
