package io.tidewatch.report;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tidewatch.report.internal.Tally;

/**
 * The executive report's figures, computed once per request and rendered as JSON, HTML or PDF alike. Rates are
 * fractions of the e-mails sent (null when none was sent); medians are in seconds (null when nobody clicked or
 * reported); trend values are this period's figure minus the previous period's. Registered for reflection because it
 * reaches Jackson inside a {@code Response}, not through a method signature.
 */
@RegisterForReflection(targets = { ExecutiveReportView.class, ExecutiveReportView.OrganizationPart.class,
        ExecutiveReportView.PeriodPart.class, ExecutiveReportView.Figures.class, ExecutiveReportView.Trend.class,
        ExecutiveReportView.CampaignLine.class, ExecutiveReportView.Groups.class, ExecutiveReportView.GroupLine.class,
        ExecutiveReportView.RepeatClickers.class, ExecutiveReportView.Person.class, ExecutiveReportView.Training.class })
public record ExecutiveReportView(OrganizationPart organization, PeriodPart period, PeriodPart previousPeriod,
        Instant generatedAt, Figures summary, Figures previous, Trend trend, List<CampaignLine> campaigns,
        Groups groups, RepeatClickers repeatClickers, Training training) {

    /** The organization the report is for. */
    public record OrganizationPart(long id, String name, String slug) {
    }

    /** A period: first instant included, end excluded, and its first and last day (UTC) for people. */
    public record PeriodPart(Instant from, Instant to, String firstDay, String lastDay) {

        static PeriodPart of(ReportPeriod period) {
            return new PeriodPart(period.from(), period.to(), period.firstDay(), period.lastDay());
        }
    }

    /** The headline figures of one period. */
    public record Figures(long campaigns, long recipients, long emailsSent, long opened, long clicked, long submitted,
            long reported, Double openRate, Double clickRate, Double submitRate, Double reportRate,
            Double medianSecondsToClick, Double medianSecondsToReport, long botFlaggedClicks) {

        static Figures of(long campaigns, Tally t, Double toClick, Double toReport, long botClicks) {
            return new Figures(campaigns, t.recipients(), t.sent(), t.opened(), t.clicked(), t.submitted(),
                    t.reported(), rate(t.opened(), t.sent()), rate(t.clicked(), t.sent()), rate(t.submitted(), t.sent()),
                    rate(t.reported(), t.sent()), toClick, toReport, botClicks);
        }
    }

    /** This period minus the previous one. */
    public record Trend(long campaigns, long emailsSent, Double openRate, Double clickRate, Double submitRate,
            Double reportRate, Double medianSecondsToClick, Double medianSecondsToReport) {

        static Trend between(Figures now, Figures before) {
            return new Trend(now.campaigns() - before.campaigns(), now.emailsSent() - before.emailsSent(),
                    minus(now.openRate(), before.openRate()), minus(now.clickRate(), before.clickRate()),
                    minus(now.submitRate(), before.submitRate()), minus(now.reportRate(), before.reportRate()),
                    minus(now.medianSecondsToClick(), before.medianSecondsToClick()),
                    minus(now.medianSecondsToReport(), before.medianSecondsToReport()));
        }
    }

    /** One campaign of the period. */
    public record CampaignLine(long id, String name, String status, Instant launchDate, long recipients,
            long emailsSent, long opened, long clicked, long submitted, long reported, Double openRate, Double clickRate,
            Double submitRate, Double reportRate) {

        static CampaignLine of(long id, String name, String status, Instant launchDate, Tally t) {
            return new CampaignLine(id, name, status, launchDate, t.recipients(), t.sent(), t.opened(), t.clicked(),
                    t.submitted(), t.reported(), rate(t.opened(), t.sent()), rate(t.clicked(), t.sent()),
                    rate(t.submitted(), t.sent()), rate(t.reported(), t.sent()));
        }
    }

    /**
     * The per-group table. {@code basis} says how results meet groups: by the recipient's address being a member of
     * the group now (a person in two groups counts in both).
     */
    public record Groups(boolean available, String basis, List<GroupLine> rows) {
    }

    /** One recipient group's figures over the period's results. */
    public record GroupLine(long id, String name, long results, long emailsSent, long clicked, long submitted,
            long reported, Double clickRate, Double submitRate, Double reportRate) {

        static GroupLine of(long id, String name, Tally t) {
            return new GroupLine(id, name, t.recipients(), t.sent(), t.clicked(), t.submitted(), t.reported(),
                    rate(t.clicked(), t.sent()), rate(t.submitted(), t.sent()), rate(t.reported(), t.sent()));
        }
    }

    /**
     * Recipients who clicked in two or more of the period's campaigns: the count always; the people only for callers
     * who may see names (org admins and operators, MSSP staff), at most {@code listed} of them.
     */
    public record RepeatClickers(long count, boolean namesVisible, int listed, List<Person> people) {
    }

    /** A repeat clicker. */
    public record Person(String email, String firstName, String lastName, long campaigns) {
    }

    /** Training figures; until training exists the section says so and carries no numbers. */
    public record Training(boolean available, String message, Double completionRate, Long overdue,
            Long certificatesIssued) {

        /** The section while the platform has no training. */
        public static Training notYet() {
            return new Training(false, "No training yet: training modules and assignments are not available.", null,
                    null, null);
        }
    }

    /** {@code part / whole}, or null when {@code whole} is zero. */
    public static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static Double minus(Double a, Double b) {
        return a == null || b == null ? null : a - b;
    }
}
