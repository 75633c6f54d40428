package io.tidewatch.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.tidewatch.account.AccountService;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Browser;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.Tenant;

/**
 * Local sign-in through the login form: session cookie, one message for every failure, rate limits per account and
 * per client address, CSRF, {@code next}, forced password change, sign-out, and the audit trail.
 */
@QuarkusTest
class SignInTest {

    static final String PASSWORD = "correct-horse-battery";

    static Tenant northwind;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AccountService accounts;

    @BeforeEach
    void tenant() {
        if (northwind == null) {
            northwind = Fixtures.northwind();
        }
    }

    /** A client member of the tenant, with the fixture password. */
    static Fixtures.Account member(Tenant tenant, String role) {
        Fixtures.Account account = Fixtures.clientAccount("user-" + Fixtures.unique() + "@" + tenant.slug() + ".test");
        Fixtures.member(tenant.id(), account.id(), role);
        return account;
    }

    /** Loads the login page and posts the form, as one browser at {@code address}. */
    static Response signIn(String host, String address, String username, String password, String next) {
        Browser.Form form = Browser.form(Browser.viaProxy(host, address), "/login");
        var post = form.withCookie(Browser.viaProxy(host, address)).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password)
                .formParam("csrf_token", form.token());
        if (next != null) {
            post = post.formParam("next", next);
        }
        return post.post("/login");
    }

    static Response signIn(String username, String password) {
        return signIn(northwind.host(), Browser.uniqueClientAddress(), username, password, null);
    }

    /** The console's start page as the session sees it (after the one redirect to the organization's dashboard). */
    static Response console(String host, String session) {
        Response start = Browser.at(host).cookie("tidewatch_session", session).get("/console");
        if (start.statusCode() != 303) {
            return start;
        }
        return Browser.at(host).cookie("tidewatch_session", session).get(start.header("Location"));
    }

    static Cookie sessionCookie(Response response) {
        return response.detailedCookie("tidewatch_session");
    }

    @Test
    void signsInWithTheRightPasswordAndShowsWhoIsSignedIn() {
        Fixtures.Account alice = member(northwind, "operator");
        Response response = signIn(alice.username(), PASSWORD);
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/");
        Cookie session = sessionCookie(response);
        assertThat(session.getValue()).isNotBlank();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(session.isSecured()).as("plain HTTP: no Secure flag").isFalse();
        assertThat(session.getMaxAge()).isEqualTo(8 * 3600);

        assertThat(Browser.at(northwind.host()).cookie("tidewatch_session", session.getValue()).get("/")
                .header("Location")).isEqualTo("/console");
        Response home = console(northwind.host(), session.getValue());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.asString()).contains("Signed in as <strong>" + alice.username() + "</strong>")
                .contains("Northwind Trading");

        String lastLogin = Api.asAdmin().get("/api/accounts/" + alice.id()).then().extract().path("last_login");
        assertThat(lastLogin).isNotNull();
    }

    @Test
    void theSessionWorksOnAnyHostTheAccountReaches() {
        Fixtures.Account alice = member(northwind, "viewer");
        Cookie session = sessionCookie(signIn(alice.username(), PASSWORD));
        Response elsewhere = console("sat.example-mssp.test", session.getValue());
        assertThat(elsewhere.statusCode()).isEqualTo(200);
        assertThat(elsewhere.asString()).contains(alice.username());
    }

    @Test
    void failsWithTheSameMessageForAWrongPasswordAndAnUnknownUser() {
        Fixtures.Account bob = member(northwind, "operator");
        Response wrongPassword = signIn(bob.username(), "not-the-password");
        Response unknownUser = signIn("nobody-" + Fixtures.unique() + "@northwind.test", "not-the-password");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(alert(wrongPassword)).isEqualTo("The username or password is incorrect.").isEqualTo(alert(unknownUser));
        assertThat(wrongPassword.getCookie("tidewatch_session")).isNull();
        assertThat(unknownUser.getCookie("tidewatch_session")).isNull();
    }

    @Test
    void unknownUsersCostAsMuchTimeAsWrongPasswords() {
        Fixtures.Account carol = member(northwind, "operator");
        List<Long> unknown = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            unknown.add(timed(() -> signIn("ghost-" + Fixtures.unique() + "@northwind.test", "nope-nope-nope")));
            wrong.add(timed(() -> signIn(carol.username(), "nope-nope-nope-" + Fixtures.unique())));
        }
        double ratio = (double) median(unknown) / median(wrong);
        assertThat(ratio).as("unknown %s ms vs wrong password %s ms", unknown, wrong).isBetween(0.5, 2.0);
    }

    @Test
    void limitsFailuresPerAccount() {
        Fixtures.Account dave = member(northwind, "operator");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(dave.username(), "guess-" + i).statusCode()).isEqualTo(401);
        }
        Response blocked = signIn(dave.username(), PASSWORD);
        assertThat(blocked.statusCode()).as("even the right password waits out the window").isEqualTo(429);
        assertThat(blocked.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(alert(blocked)).startsWith("Too many failed sign-in attempts.");
        assertThat(blocked.getCookie("tidewatch_session")).isNull();
    }

    @Test
    void limitsFailuresPerClientAddress() {
        String address = Browser.uniqueClientAddress();
        for (int i = 0; i < 20; i++) {
            assertThat(signIn(northwind.host(), address, "spray-" + Fixtures.unique() + "@x.test", "Winter2024!", null)
                    .statusCode()).isEqualTo(401);
        }
        Fixtures.Account erin = member(northwind, "operator");
        assertThat(signIn(northwind.host(), address, erin.username(), PASSWORD, null).statusCode()).isEqualTo(429);
        assertThat(signIn(northwind.host(), Browser.uniqueClientAddress() + "1", erin.username(), PASSWORD, null)
                .statusCode()).as("another address is not affected").isEqualTo(303);
    }

    @Test
    void refusesAPostWithoutAValidCsrfToken() {
        Fixtures.Account frank = member(northwind, "operator");
        String address = Browser.uniqueClientAddress();
        Response noToken = Browser.viaProxy(northwind.host(), address).contentType("application/x-www-form-urlencoded")
                .formParam("username", frank.username()).formParam("password", PASSWORD).post("/login");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.getCookie("tidewatch_session")).isNull();

        Browser.Form form = Browser.form(Browser.viaProxy(northwind.host(), address), "/login");
        Browser.Form other = Browser.form(Browser.viaProxy(northwind.host(), address), "/login");
        Response mismatched = form.withCookie(Browser.viaProxy(northwind.host(), address))
                .contentType("application/x-www-form-urlencoded").formParam("username", frank.username())
                .formParam("password", PASSWORD).formParam("csrf_token", other.token()).post("/login");
        assertThat(mismatched.statusCode()).isEqualTo(403);
        assertThat(mismatched.getCookie("tidewatch_session")).isNull();

        Response tokenWithoutCookie = Browser.viaProxy(northwind.host(), address)
                .contentType("application/x-www-form-urlencoded").formParam("username", frank.username())
                .formParam("password", PASSWORD).formParam("csrf_token", form.token()).post("/login");
        assertThat(tokenWithoutCookie.statusCode()).isEqualTo(403);
    }

    @Test
    void continuesToALocalNextPathOnly() {
        Fixtures.Account grace = member(northwind, "operator");
        String address = Browser.uniqueClientAddress();
        assertThat(signIn(northwind.host(), address, grace.username(), PASSWORD, "/campaigns?status=live")
                .header("Location")).isEqualTo("/campaigns?status=live");
        for (String outside : List.of("https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)")) {
            assertThat(signIn(northwind.host(), address, grace.username(), PASSWORD, outside).header("Location"))
                    .as(outside).isEqualTo("/");
        }
    }

    @Test
    void sendsPagesWithoutASessionToTheLoginPageAndBack() {
        Response home = Browser.at(northwind.host()).get("/");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).isEqualTo("/login");
        Response change = Browser.at(northwind.host()).queryParam("next", "/reports").get("/change-password");
        assertThat(change.header("Location")).isEqualTo("/login?next=%2Fchange-password%3Fnext%3D%252Freports");
        Response forged = Browser.at(northwind.host()).cookie("tidewatch_session", "eyJhbGciOiJub25lIn0.e30.").get("/");
        assertThat(forged.statusCode()).isEqualTo(303);
    }

    @Test
    void makesAnAccountThatMustChangeItsPasswordDoSoFirst() {
        String username = "henry-" + Fixtures.unique() + "@northwind.test";
        northwind.asAdmin().body(Map.of("username", username, "password", PASSWORD, "role", "user",
                "password_change_required", true)).post("/api/users/").then().statusCode(200);
        String address = Browser.uniqueClientAddress();
        Response signedIn = signIn(northwind.host(), address, username, PASSWORD, null);
        assertThat(signedIn.header("Location")).isEqualTo("/change-password?next=%2F");
        String session = sessionCookie(signedIn).getValue();
        assertThat(Browser.at(northwind.host()).cookie("tidewatch_session", session).get("/").header("Location"))
                .isEqualTo("/change-password");

        var browser = Browser.viaProxy(northwind.host(), address).cookie("tidewatch_session", session);
        Browser.Form form = Browser.form(browser, "/change-password");
        assertThat(changePassword(form, session, address, "wrong-current", "brand-new-pass", "brand-new-pass").asString())
                .contains("The current password is incorrect.");
        assertThat(changePassword(form, session, address, PASSWORD, "brand-new-pass", "other-new-pass").asString())
                .contains("The two new passwords do not match.");
        assertThat(changePassword(form, session, address, PASSWORD, "short", "short").asString())
                .contains("at least 8 characters");

        Response changed = changePassword(form, session, address, PASSWORD, "brand-new-pass", "brand-new-pass");
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).isEqualTo("/");
        String renewed = sessionCookie(changed).getValue();
        assertThat(console(northwind.host(), renewed).statusCode()).isEqualTo(200);
        assertThat(Browser.at(northwind.host()).cookie("tidewatch_session", session).get("/").header("Location"))
                .as("a password change ends older sessions").isEqualTo("/login");
        assertThat(signIn(northwind.host(), Browser.uniqueClientAddress(), username, "brand-new-pass", null).statusCode())
                .isEqualTo(303);
    }

    private static Response changePassword(Browser.Form form, String session, String address, String current,
            String password, String confirm) {
        return form.withCookie(Browser.viaProxy(northwind.host(), address)).cookie("tidewatch_session", session)
                .contentType("application/x-www-form-urlencoded").formParam("csrf_token", form.token())
                .formParam("current_password", current).formParam("new_password", password)
                .formParam("confirm_password", confirm).post("/change-password");
    }

    @Test
    void signingOutClearsTheCookie() {
        Fixtures.Account ivan = member(northwind, "operator");
        Response signedIn = signIn(ivan.username(), PASSWORD);
        Response out = Browser.at(northwind.host()).cookie("tidewatch_session", sessionCookie(signedIn).getValue())
                .post("/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).isEqualTo("/login");
        assertThat(sessionCookie(out).getValue()).isEmpty();
        assertThat(sessionCookie(out).getMaxAge()).isZero();
    }

    @Test
    void signingOutEndsEverySessionOfTheAccountIncludingACopyOfTheCookie() {
        Fixtures.Account kim = member(northwind, "operator");
        String dashboard = "/console/orgs/" + northwind.id();
        ConsoleSession laptop = ConsoleSession.signIn(northwind.host(), kim.username(), PASSWORD);
        ConsoleSession phone = ConsoleSession.signIn(northwind.host(), kim.username(), PASSWORD);
        assertThat(phone.get(dashboard).statusCode()).isEqualTo(200);

        Response out = laptop.post(dashboard, "/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(sessionCookie(out).getValue()).isEmpty();
        assertThat(laptop.get(dashboard).statusCode()).as("the copied cookie").isEqualTo(303);
        assertThat(phone.get(dashboard).statusCode()).as("another browser").isEqualTo(303);
        assertThat(ConsoleSession.signIn(northwind.host(), kim.username(), PASSWORD).get(dashboard).statusCode())
                .as("signing in again").isEqualTo(200);
    }

    @Test
    void aSessionHeldOpenBeforeASignOutIsNoLongerValidAfterIt() {
        Fixtures.Account mia = member(northwind, "operator");
        String stamp = accounts.credentialStamp(mia.id()).orElseThrow();
        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.holdSessionsOpen(mia.id(), stamp))).isTrue();

        accounts.endSessions(mia.id());

        assertThat(QuarkusTransaction.requiringNew().call(() -> accounts.holdSessionsOpen(mia.id(), stamp))).isFalse();
    }

    @Test
    void aSignOutWithoutTheConsolesFormOnlyClearsTheCookie() {
        Fixtures.Account lee = member(northwind, "operator");
        String dashboard = "/console/orgs/" + northwind.id();
        ConsoleSession browser = ConsoleSession.signIn(northwind.host(), lee.username(), PASSWORD);

        browser.postWithToken("/logout", null, Map.of());
        browser.request().get("/logout");

        assertThat(browser.get(dashboard).statusCode()).isEqualTo(200);
    }

    @Test
    void marksTheCookieSecureWhenTheBrowserUsedHttps() {
        Fixtures.Account judy = member(northwind, "operator");
        String address = Browser.uniqueClientAddress();
        Browser.Form form = Browser.form(Browser.viaProxy(northwind.host(), address), "/login");
        Response response = form.withCookie(Browser.viaProxy(northwind.host(), address))
                .header("X-Forwarded-Proto", "https").contentType("application/x-www-form-urlencoded")
                .formParam("username", judy.username()).formParam("password", PASSWORD)
                .formParam("csrf_token", form.token()).post("/login");
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(sessionCookie(response).isSecured()).isTrue();
    }

    @Test
    void aClientOfAnotherOrganizationCannotSignInOnThisHost() {
        Tenant contoso = Fixtures.contoso();
        Fixtures.Account ken = member(contoso, "operator");
        Response onNorthwind = signIn(northwind.host(), Browser.uniqueClientAddress(), ken.username(), PASSWORD, null);
        assertThat(onNorthwind.statusCode()).isEqualTo(401);
        assertThat(alert(onNorthwind)).isEqualTo("The username or password is incorrect.");
        assertThat(signIn(contoso.host(), Browser.uniqueClientAddress(), ken.username(), PASSWORD, null).statusCode())
                .isEqualTo(303);
        assertThat(signIn("sat.example-mssp.test", Browser.uniqueClientAddress(), ken.username(), PASSWORD, null)
                .statusCode()).as("the MSSP's own host serves everyone").isEqualTo(303);
    }

    @Test
    void auditsSuccessAndFailureWithoutThePassword() throws SQLException {
        Fixtures.Account lena = member(northwind, "operator");
        String address = Browser.uniqueClientAddress();
        signIn(northwind.host(), address, lena.username(), "Secret-Guess-123", null);
        signIn(northwind.host(), address, lena.username(), PASSWORD, null);
        List<String> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT outcome, org_id, details, client_address FROM tidewatch_control.audit_entry"
                                + " WHERE action = 'auth.login' AND target_id = ? ORDER BY id")) {
            s.setString(1, Long.toString(lena.id()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
        }
        assertThat(entries).containsExactly("DENIED|" + northwind.id() + "|wrong password|" + address,
                "SUCCESS|" + northwind.id() + "|password|" + address);
        assertThat(String.join(",", entries)).doesNotContain("Secret-Guess-123").doesNotContain(PASSWORD);
    }

    private static String alert(Response page) {
        String html = page.asString();
        int start = html.indexOf("role=\"alert\">");
        assertThat(start).as("the page shows an error").isNotNegative();
        return html.substring(start + 13, html.indexOf("</p>", start));
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
