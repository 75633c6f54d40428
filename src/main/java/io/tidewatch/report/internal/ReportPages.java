package io.tidewatch.report.internal;

import java.util.ArrayList;
import java.util.List;

import io.tidewatch.branding.Brand;
import io.tidewatch.report.ExecutiveReportView;
import io.tidewatch.report.ExecutiveReportView.CampaignLine;
import io.tidewatch.report.ExecutiveReportView.Figures;
import io.tidewatch.report.ExecutiveReportView.GroupLine;
import io.tidewatch.report.ExecutiveReportView.Person;
import io.tidewatch.report.ExecutiveReportView.Trend;
import io.tidewatch.report.internal.ReportPage.Bar;
import io.tidewatch.report.internal.ReportPage.CampaignBars;
import io.tidewatch.report.internal.ReportPage.CampaignRow;
import io.tidewatch.report.internal.ReportPage.GroupRow;
import io.tidewatch.report.internal.ReportPage.Kpi;
import io.tidewatch.report.internal.ReportPage.PersonRow;

/** Builds the template's page from the report's figures and the organization's brand. */
public final class ReportPages {

    /** The click/report chart shows at most this many campaigns (the latest). */
    static final int CHARTED = 12;

    private static final String FUNNEL_NEUTRAL = "#6B7280";

    private ReportPages() {
    }

    /** The page; {@code logoDataUri} is null when the logo cannot be shown (the name stands in for it). */
    public static ReportPage of(ExecutiveReportView report, Brand brand, String logoDataUri) {
        Figures now = report.summary();
        Figures before = report.previous();
        Trend trend = report.trend();
        List<Kpi> kpis = List.of(
                new Kpi("Campaigns", Formats.count(now.campaigns()), Formats.count(before.campaigns()),
                        Formats.signed(trend.campaigns()), arrow(trend.campaigns()), "neutral"),
                new Kpi("E-mails sent", Formats.count(now.emailsSent()), Formats.count(before.emailsSent()),
                        Formats.signed(trend.emailsSent()), arrow(trend.emailsSent()), "neutral"),
                rate("Open rate", now.openRate(), before.openRate(), trend.openRate(), false),
                rate("Click rate", now.clickRate(), before.clickRate(), trend.clickRate(), false),
                rate("Submit rate", now.submitRate(), before.submitRate(), trend.submitRate(), false),
                rate("Report rate", now.reportRate(), before.reportRate(), trend.reportRate(), true),
                time("Median time to click", now.medianSecondsToClick(), before.medianSecondsToClick(),
                        trend.medianSecondsToClick(), true),
                time("Median time to report", now.medianSecondsToReport(), before.medianSecondsToReport(),
                        trend.medianSecondsToReport(), false));
        return new ReportPage(report.organization().name(), brand.primaryColor(), brand.primaryTextColor(),
                brand.secondaryColor(), brand.secondaryTextColor(), logoDataUri, brand.supportUrl(), brand.supportEmail(),
                report.period().firstDay() + " – " + report.period().lastDay(),
                report.previousPeriod().firstDay() + " – " + report.previousPeriod().lastDay(),
                Formats.minute(report.generatedAt()), now.campaigns() == 0, List.of(kpis.subList(0, 4), kpis.subList(4, 8)),
                funnel(now, brand),
                campaignChart(report.campaigns()), Math.min(CHARTED, report.campaigns().size()),
                report.campaigns().stream().map(ReportPages::campaignRow).toList(), report.groups().available(),
                report.groups().basis(), report.groups().rows().stream().map(ReportPages::groupRow).toList(),
                report.repeatClickers().count(), report.repeatClickers().namesVisible(), people(report),
                repeatNote(report), report.training().message(), botNote(now.botFlaggedClicks()));
    }

    private static Kpi rate(String label, Double now, Double before, Double delta, boolean higherIsBetter) {
        return new Kpi(label, Formats.percent(now), Formats.percent(before), Formats.points(delta), arrow(delta),
                tone(delta, higherIsBetter));
    }

    private static Kpi time(String label, Double now, Double before, Double delta, boolean higherIsBetter) {
        return new Kpi(label, Formats.duration(now), Formats.duration(before), Formats.signedDuration(delta),
                arrow(delta), tone(delta, higherIsBetter));
    }

    private static String arrow(Double delta) {
        if (delta == null) {
            return "";
        }
        return Math.abs(delta) < 1e-9 ? "=" : delta > 0 ? "▲" : "▼";
    }

    private static String arrow(long delta) {
        return delta == 0 ? "=" : delta > 0 ? "▲" : "▼";
    }

    private static String tone(Double delta, boolean higherIsBetter) {
        if (delta == null || Math.abs(delta) < 1e-9) {
            return "neutral";
        }
        return (delta > 0) == higherIsBetter ? "good" : "bad";
    }

    private static List<Bar> funnel(Figures f, Brand brand) {
        long base = f.emailsSent();
        List<Bar> bars = new ArrayList<>();
        bars.add(bar("Sent", f.emailsSent(), base, FUNNEL_NEUTRAL));
        bars.add(bar("Opened", f.opened(), base, brand.primaryColor()));
        bars.add(bar("Clicked", f.clicked(), base, brand.primaryColor()));
        bars.add(bar("Submitted data", f.submitted(), base, brand.primaryColor()));
        bars.add(bar("Reported", f.reported(), base, brand.secondaryColor()));
        return bars;
    }

    private static Bar bar(String label, long value, long base, String color) {
        Double rate = ExecutiveReportView.rate(value, base);
        String text = Formats.count(value) + (label.equals("Sent") || rate == null ? "" : " (" + Formats.percent(rate) + ")");
        return new Bar(label, text, width(rate), color);
    }

    private static List<CampaignBars> campaignChart(List<CampaignLine> campaigns) {
        List<CampaignLine> latest = campaigns.subList(Math.max(0, campaigns.size() - CHARTED), campaigns.size());
        return latest.stream().map(c -> new CampaignBars(c.name(), width(c.clickRate()), width(c.reportRate()),
                Formats.percent(c.clickRate()), Formats.percent(c.reportRate()))).toList();
    }

    private static int width(Double rate) {
        if (rate == null || rate <= 0) {
            return 0;
        }
        return Math.max(1, (int) Math.round(rate * ReportPage.BAR_WIDTH));
    }

    private static CampaignRow campaignRow(CampaignLine c) {
        return new CampaignRow(c.name(), Formats.day(c.launchDate()), c.status(), Formats.count(c.recipients()),
                Formats.count(c.emailsSent()), Formats.percent(c.openRate()), Formats.percent(c.clickRate()),
                Formats.percent(c.submitRate()), Formats.percent(c.reportRate()));
    }

    private static GroupRow groupRow(GroupLine g) {
        return new GroupRow(g.name(), Formats.count(g.results()), Formats.count(g.emailsSent()),
                Formats.percent(g.clickRate()), Formats.percent(g.submitRate()), Formats.percent(g.reportRate()));
    }

    private static List<PersonRow> people(ExecutiveReportView report) {
        List<PersonRow> rows = new ArrayList<>();
        for (Person p : report.repeatClickers().people()) {
            String name = (p.firstName() + " " + p.lastName()).strip();
            rows.add(new PersonRow(name.isEmpty() ? p.email() : name, p.email(), p.campaigns()));
        }
        return rows;
    }

    private static String repeatNote(ExecutiveReportView report) {
        var repeat = report.repeatClickers();
        if (!repeat.namesVisible()) {
            return "Names are shown to organization admins and operators only.";
        }
        if (repeat.count() > repeat.people().size()) {
            return "The " + repeat.people().size() + " with the most campaigns are listed.";
        }
        return "";
    }

    private static String botNote(long botClicks) {
        if (botClicks == 0) {
            return "";
        }
        return Formats.count(botClicks) + (botClicks == 1 ? " click was" : " clicks were")
                + " made by mail scanners or link previews and are not counted as human clicks.";
    }
}
