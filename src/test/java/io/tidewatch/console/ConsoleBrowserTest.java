package io.tidewatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidewatch.phishdoor.PhishDoor;
import io.tidewatch.testing.Api;
import io.tidewatch.testing.Chromium;
import io.tidewatch.testing.ConsoleSession;
import io.tidewatch.testing.Fixtures;
import io.tidewatch.testing.GreenMailResource;
import io.tidewatch.testing.Tenant;

/**
 * The console in a real browser (headless Chromium): signing in on a tenant's host in its brand, the branding editor's
 * live preview, the seat cap on the members page, impersonation from the fleet view, a campaign launched through the
 * form and its results changing on its page without a reload (e-mail to GreenMail, the open pixel fetched from the
 * phishing door), and axe-core on the main pages.
 */
@QuarkusTest
@WithTestResource(GreenMailResource.class)
class ConsoleBrowserTest {

    private static final String READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/120.0.0.0 Safari/537.36";

    static Chromium browser;

    @GreenMailResource.Inject
    GreenMail greenMail;

    @Inject
    PhishDoor door;

    @BeforeEach
    void browser() {
        if (browser == null) {
            browser = Chromium.start();
        }
        browser.driver().manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** A tenant with its own colours, and its client admin's username. */
    record Branded(Tenant tenant, String admin) {
    }

    static Branded brandedTenant(String name, int seatCap) {
        Tenant tenant = Fixtures.tenant(name, seatCap);
        tenant.asAdmin().body(Map.of("primary_color", "#7A1F5C", "secondary_color", "#14532D", "from_name", name + " Security"))
                .put("/api/branding").then().statusCode(200);
        String admin = Api.asAdmin().get("/api/accounts/" + tenant.adminUserId()).then().extract().path("username");
        return new Branded(tenant, admin);
    }

    void signIn(String host, String username, String password) {
        browser.open(host, "/login");
        browser.type("username", username);
        browser.type("password", password);
        browser.find(By.cssSelector("button[type=submit]")).click();
        browser.waitForPath("/console.*");
    }

    @Test
    void signsInOnATenantsHostAndSeesItsBranding(TestInfo test) throws Exception {
        Branded northwind = brandedTenant("Northwind Trading", 50);
        browser.scenario(test, () -> {
            browser.open(northwind.tenant().host(), "/login");
            assertThat(browser.driver().getTitle()).isEqualTo("Sign in · Northwind Trading");
            assertThat(browser.style(".brand-bar", "background-color")).isEqualTo("rgba(122, 31, 92, 1)");
            assertThat(browser.find(By.cssSelector(".brand-bar img")).getAttribute("src"))
                    .contains("org=" + northwind.tenant().slug());
            browser.assertAccessible("the login page");
            browser.screenshot("login-northwind");

            signIn(northwind.tenant().host(), northwind.admin(), ConsoleSession.PASSWORD);
            assertThat(browser.path()).isEqualTo("/console/orgs/" + northwind.tenant().id());
            assertThat(browser.style(".topbar", "background-color")).isEqualTo("rgba(122, 31, 92, 1)");
            assertThat(browser.style(".topbar", "color")).isEqualTo("rgba(255, 255, 255, 1)");
            assertThat(browser.find(By.cssSelector("h1")).getText()).isEqualTo("Northwind Trading");
            browser.assertAccessible("the dashboard");
            browser.screenshot("dashboard-northwind");

            new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
            assertThat(browser.driver().switchTo().activeElement().getText()).as("the first stop is the skip link")
                    .isEqualTo("Skip to main content");
            new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
            assertThat(browser.style("a.skip-link", "top")).as("hidden again once used").startsWith("-");
        });
    }

    @Test
    void theBrandingPreviewFollowsTypingAndTheSavedBrandShowsEverywhere(TestInfo test) throws Exception {
        Branded contoso = brandedTenant("Contoso", 50);
        browser.scenario(test, () -> {
            signIn(contoso.tenant().host(), contoso.admin(), ConsoleSession.PASSWORD);
            browser.open(contoso.tenant().host(), "/console/orgs/" + contoso.tenant().id() + "/branding");
            browser.assertAccessible("the branding editor");
            browser.type("primary_color", "#FACC15");
            assertThat(browser.style(".preview .p-bar", "background-color")).isEqualTo("rgba(250, 204, 21, 1)");
            assertThat(browser.style(".preview .p-bar", "color")).as("readable text on yellow")
                    .isEqualTo("rgba(17, 24, 39, 1)");
            assertThat(browser.find(By.id("primary-contrast")).getText()).contains("near-black").contains("meets WCAG AA");
            browser.screenshot("branding-contoso");
            browser.find(By.cssSelector("form[action$='/branding'] button[type=submit]")).click();
            browser.waitForPath(".*/branding\\?done=saved");
            assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("The branding was saved");
            assertThat(browser.style(".topbar", "background-color")).isEqualTo("rgba(250, 204, 21, 1)");
            assertThat(browser.style(".topbar", "color")).isEqualTo("rgba(17, 24, 39, 1)");
        });
    }

    @Test
    void theSeatCapOnTheMembersPageIsAClearMessageAndKeepsWhatWasTyped(TestInfo test) throws Exception {
        Branded tailspin = brandedTenant("Tailspin Toys", 2);
        browser.scenario(test, () -> {
            signIn(tailspin.tenant().host(), tailspin.admin(), ConsoleSession.PASSWORD);
            String members = "/console/orgs/" + tailspin.tenant().id() + "/members";
            browser.open(tailspin.tenant().host(), members);
            browser.assertAccessible("the members page");
            browser.type("username", "first-" + Fixtures.unique() + "@tailspin.test");
            browser.find(By.cssSelector("form[action$='/members'] button[type=submit]")).click();
            browser.waitForPath(".*/members\\?done=added");
            assertThat(browser.find(By.cssSelector(".page-head")).getText()).contains("2 of 2");

            String second = "second-" + Fixtures.unique() + "@tailspin.test";
            browser.type("username", second);
            browser.find(By.cssSelector("form[action$='/members'] button[type=submit]")).click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".alert")).isEmpty());
            assertThat(browser.find(By.cssSelector(".alert")).getText()).contains("No seat left")
                    .contains("Seat cap of 2 reached");
            assertThat(browser.find(By.id("username")).getAttribute("value")).isEqualTo(second);
            browser.assertAccessible("the members page with the seat-cap message");
            browser.screenshot("members-seat-cap");
        });
    }

    @Test
    void startsAndEndsAnImpersonationFromTheFleetView(TestInfo test) throws Exception {
        Branded fabrikam = brandedTenant("Fabrikam", 20);
        browser.scenario(test, () -> {
            signIn(Chromium.TEST_DOMAIN, ConsoleSession.ADMIN, ConsoleSession.ADMIN_PASSWORD);
            assertThat(browser.path()).isEqualTo("/console/fleet");
            browser.assertAccessible("the fleet view");
            browser.screenshot("fleet");
            browser.open(Chromium.TEST_DOMAIN, "/console/organizations/" + fabrikam.tenant().id() + "/impersonate");
            browser.type("reason", "Ticket 4711: the client cannot see its campaign results");
            browser.find(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForPath("/console/orgs/" + fabrikam.tenant().id());
            String banner = browser.find(By.cssSelector(".impersonation")).getText();
            assertThat(banner).contains("You are impersonating Fabrikam").contains("60 minutes left")
                    .contains("Ticket 4711");
            assertThat(browser.style(".topbar", "background-color")).isEqualTo("rgba(122, 31, 92, 1)");
            browser.assertAccessible("a page while impersonating");
            browser.screenshot("impersonating");

            browser.open(Chromium.TEST_DOMAIN, "/console/orgs/" + fabrikam.tenant().id() + "/audit?action=impersonate");
            assertThat(browser.find(By.cssSelector("table.table")).getText()).contains("impersonate.start");

            browser.find(By.cssSelector(".impersonation button")).click();
            browser.waitForPath("/console/fleet");
            assertThat(browser.driver().findElements(By.cssSelector(".impersonation"))).isEmpty();
            String ended = Api.asAdmin().queryParam("action", "impersonate.end").header("X-Org-Id", fabrikam.tenant().id())
                    .get("/api/audit").then().statusCode(200).extract().path("entries[0].action");
            assertThat(ended).isEqualTo("impersonate.end");
        });
    }

    @Test
    void theTemplateEditorPreviewsTheMessageAndTheGroupEditorListsBadLines(TestInfo test) throws Exception {
        Branded woodgrove = brandedTenant("Woodgrove Bank", 20);
        browser.scenario(test, () -> {
            signIn(woodgrove.tenant().host(), woodgrove.admin(), ConsoleSession.PASSWORD);
            String base = "/console/orgs/" + woodgrove.tenant().id();
            browser.open(woodgrove.tenant().host(), base + "/templates/new");
            browser.type("name", "Password expiry");
            browser.type("subject", "Your password expires today, {{.FirstName}}");
            browser.find(By.cssSelector("button[value=preview]")).click();
            browser.waitUntil(d -> d.findElement(By.cssSelector("#preview-heading + p + p")).getText()
                    .contains("Your password expires today, Foo"));
            browser.driver().switchTo().frame(browser.find(By.cssSelector("iframe.mail-preview")));
            assertThat(browser.find(By.tagName("body")).getText()).contains("Hello Foo");
            browser.driver().switchTo().defaultContent();
            browser.assertAccessible("the template editor");
            browser.screenshot("template-editor");

            browser.open(woodgrove.tenant().host(), base + "/groups/new");
            browser.type("name", "Tellers");
            browser.type("csv",
                    "First Name,Last Name,Email,Position\nAna,Lee,ana@woodgrove.test,Teller\nBo,Chan,bo-at-home,\n");
            browser.find(By.cssSelector("main form button[type=submit]")).click();
            browser.waitUntil(d -> !d.findElements(By.id("lines-heading")).isEmpty());
            assertThat(browser.find(By.cssSelector("section.alert")).getText()).contains("Line 3");
            assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Tellers");
            browser.assertAccessible("the group editor with bad lines");
            browser.screenshot("group-errors");
        });
    }

    @Test
    void launchesACampaignThroughTheFormAndSeesAResultChangeWithoutAReload(TestInfo test) throws Exception {
        Branded litware = brandedTenant("Litware", 50);
        ConsoleCampaignsTest.Materials m = ConsoleCampaignsTest.materials(litware.tenant(),
                "127.0.0.1:" + greenMail.getSmtp().getPort(), 2);
        String campaigns = "/console/orgs/" + litware.tenant().id() + "/campaigns";
        browser.scenario(test, () -> {
            signIn(litware.tenant().host(), litware.admin(), ConsoleSession.PASSWORD);
            browser.find(By.linkText("Campaigns")).click();
            browser.waitForPath(campaigns);
            browser.find(By.linkText("New campaign")).click();
            browser.waitForPath(campaigns + "/new");
            browser.assertAccessible("the new-campaign form");
            browser.type("name", "Browser launch");
            new Select(browser.find(By.id("template"))).selectByValue(Long.toString(m.template()));
            new Select(browser.find(By.id("page"))).selectByValue(Long.toString(m.page()));
            new Select(browser.find(By.id("profile"))).selectByValue(Long.toString(m.profile()));
            new Select(browser.find(By.id("groups"))).selectByValue(Long.toString(m.group()));
            browser.type("url", "http://127.0.0.1:" + door.port() + "/");
            browser.find(By.cssSelector("main form button[type=submit]")).click();
            browser.waitForPath(campaigns + "/[0-9]+\\?done=launched");
            long id = Long.parseLong(browser.path().replaceAll(".*/([0-9]+)\\?.*", "$1"));
            String target = m.emails().get(0);
            String row = "tr[data-recipient='" + target + "'] td.status";

            ((JavascriptExecutor) browser.driver()).executeScript("window.stillTheSamePage = true;");
            Duration sending = Duration.ofSeconds(45);
            browser.waitUntil(sending, d -> browser.text(row).equals("Email Sent"));
            browser.assertAccessible("the campaign page");
            browser.screenshot("campaign-sent");

            List<Map<String, Object>> results = litware.tenant().asAdmin().get("/api/campaigns/" + id + "/results")
                    .then().statusCode(200).extract().jsonPath().getList("results");
            String rid = results.stream().filter(r -> target.equals(r.get("email"))).map(r -> (String) r.get("id"))
                    .findFirst().orElseThrow();
            HttpResponse<String> pixel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + door.port() + "/track?rid=" + rid)).header("User-Agent", READER)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pixel.statusCode()).isEqualTo(200);

            browser.waitUntil(sending, d -> browser.text(row).equals("Email Opened"));
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.stillTheSamePage === true"))
                    .as("the results changed without reloading the page").isEqualTo(true);
            assertThat(browser.text("[data-stage=opened] .value")).startsWith("1");
            assertThat(browser.text("ol.timeline")).contains("Email Opened");
            assertThat(browser.text("tr[data-recipient='" + target + "'] ol.steps"))
                    .as("the recipient's own timeline").contains("Email Sent").contains("Email Opened");
            browser.assertAccessible("the campaign page with results");
            browser.screenshot("campaign-opened");

            browser.find(By.linkText("Back to campaigns")).click();
            browser.waitForPath(campaigns);
            assertThat(browser.find(By.cssSelector("table.table")).getText()).contains("Browser launch");
            browser.assertAccessible("the campaign list");
            browser.screenshot("campaign-list");
        });
    }
}
