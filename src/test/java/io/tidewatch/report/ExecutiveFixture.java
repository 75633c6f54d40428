package io.tidewatch.report;

import java.sql.SQLException;
import java.time.Instant;

/**
 * The hand-computed fixture of the report tests, for the period January 2026 (from=2026-01-01, to=2026-01-31) and
 * the previous period of equal length, December 2025.
 *
 * <pre>
 * January: "Payroll update" (Jan 5) and "Parcel notice" (Jan 20), 8 results:
 *   zoe   Clicked Link   first click +600 s         | zoe (ZOE@, other case) Clicked Link, click +1800 s
 *   bob   Submitted Data click +1200 s, submit       | bob Email Sent, reported, report +900 s
 *   carol Email Opened, reported, report +3600 s    | erin Error (never sent)
 *   dave  Email Sent, one bot-flagged click +2 s    | frank Email Opened
 *   sent 7, opened 5, clicked 3, submitted 1, reported 2; median to click 1200 s, to report 2250 s;
 *   repeat clickers: 1 (Zoë Łódź-Nowak, 2 campaigns); bot-flagged clicks 1.
 * December: "Old test" (Dec 10): 2 results, one clicked (+300 s), one sent: sent 2, opened 1, clicked 1.
 * October: "Ancient" (outside both periods): one click that must not count anywhere.
 * </pre>
 */
final class ExecutiveFixture {

    static final String FROM = "2026-01-01";
    static final String TO = "2026-01-31";
    static final String ZOE_FIRST = "Zoë";
    static final String ZOE_LAST = "Łódź-Nowak";

    private ExecutiveFixture() {
    }

    /** Seeds the fixture into the tenant. */
    static void seed(ReportSeed seed, String domain) throws SQLException {
        Instant a = Instant.parse("2026-01-05T09:00:00Z");
        long payroll = seed.campaign("Payroll update", a);
        long zoe = seed.result(payroll, "zoe@" + domain, ZOE_FIRST, ZOE_LAST, "Clicked Link", false, a);
        seed.event(payroll, zoe, "Email Sent", a, null);
        seed.event(payroll, zoe, "Email Opened", a.plusSeconds(300), null);
        seed.event(payroll, zoe, "Clicked Link", a.plusSeconds(600), null);
        seed.event(payroll, zoe, "Clicked Link", a.plusSeconds(700), null);
        long bob = seed.result(payroll, "bob@" + domain, "Bob", "Baker", "Submitted Data", false, a);
        seed.event(payroll, bob, "Clicked Link", a.plusSeconds(1200), null);
        seed.event(payroll, bob, "Submitted Data", a.plusSeconds(1260), null);
        long carol = seed.result(payroll, "carol@" + domain, "Carol", "Cruz", "Email Opened", true, a);
        seed.event(payroll, carol, "Email Opened", a.plusSeconds(60), null);
        seed.event(payroll, carol, "Email Reported", a.plusSeconds(3600), null);
        long dave = seed.result(payroll, "dave@" + domain, "Dave", "Diaz", "Email Sent", false, a);
        seed.event(payroll, dave, "Clicked Link", a.plusSeconds(2), "within 5 s of delivery");

        Instant b = Instant.parse("2026-01-20T09:00:00Z");
        long parcel = seed.campaign("Parcel notice", b);
        long zoe2 = seed.result(parcel, "ZOE@" + domain, ZOE_FIRST, ZOE_LAST, "Clicked Link", false, b);
        seed.event(parcel, zoe2, "Clicked Link", b.plusSeconds(1800), null);
        long bob2 = seed.result(parcel, "bob@" + domain, "Bob", "Baker", "Email Sent", true, b);
        seed.event(parcel, bob2, "Email Reported", b.plusSeconds(900), null);
        seed.result(parcel, "erin@" + domain, "Erin", "Ek", "Error", false, b);
        seed.result(parcel, "frank@" + domain, "Frank", "Fox", "Email Opened", false, b);

        Instant p = Instant.parse("2025-12-10T09:00:00Z");
        long old = seed.campaign("Old test", p);
        long gail = seed.result(old, "gail@" + domain, "Gail", "Gray", "Clicked Link", false, p);
        seed.event(old, gail, "Clicked Link", p.plusSeconds(300), null);
        seed.result(old, "hal@" + domain, "Hal", "Hart", "Email Sent", false, p);

        Instant o = Instant.parse("2025-10-01T09:00:00Z");
        long ancient = seed.campaign("Ancient", o);
        long ivy = seed.result(ancient, "ivy@" + domain, "Ivy", "Ito", "Clicked Link", false, o);
        seed.event(ancient, ivy, "Clicked Link", o.plusSeconds(5), null);
    }
}
