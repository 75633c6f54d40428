package io.tidewatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.restassured.RestAssured;

/**
 * A real browser for tests: Debian's headless Chromium driven by its chromedriver through Selenium, with the test
 * tenants' hosts ({@code *.sat.example-mssp.test}) resolved to 127.0.0.1, so a test signs in on a tenant's host and
 * sees its branding. Nothing is downloaded: the driver and browser paths are given explicitly (override them with
 * {@code TIDEWATCH_CHROMEDRIVER} and {@code TIDEWATCH_CHROMIUM}). Where they are missing, tests are skipped with a
 * message saying what to install, unless {@code TIDEWATCH_REQUIRE_REAL_COMPONENTS=true} (as in CI), which fails them.
 * {@link #scenario} keeps a screenshot and the page source of a failing test under {@code target/browser-failures/}.
 */
public final class Chromium implements AutoCloseable {

    /** The domain whose hosts the browser resolves to this machine. */
    public static final String TEST_DOMAIN = "sat.example-mssp.test";

    private static final Path FAILURES = Path.of("target", "browser-failures");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;

    private Chromium(ChromeDriverService service, WebDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** A work of a test that may throw. */
    @FunctionalInterface
    public interface Steps {

        /** Runs the steps. */
        void run() throws Exception;
    }

    /** Starts a headless Chromium, or skips (fails in CI) the calling test when it is not installed. */
    public static Chromium start() {
        File chromium = new File(env("TIDEWATCH_CHROMIUM", "/usr/bin/chromium"));
        File chromedriver = new File(env("TIDEWATCH_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String message = "Browser tests need Chromium at " + chromium + " and chromedriver at " + chromedriver
                    + " (Debian: apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("TIDEWATCH_REQUIRE_REAL_COMPONENTS"))) {
                throw new IllegalStateException(message + "; TIDEWATCH_REQUIRE_REAL_COMPONENTS=true makes this a failure");
            }
            Assumptions.abort(message + "; skipped");
        }
        Path profile = temporaryProfile();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().withLogOutput(OutputStreamSink.DISCARD).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--window-size=1366,900", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP *." + TEST_DOMAIN + " 127.0.0.1, MAP " + TEST_DOMAIN + " 127.0.0.1");
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(service, driver, profile);
    }

    /** The driver. */
    public WebDriver driver() {
        return driver;
    }

    /** The URL of {@code path} on {@code host} at the test server's port. */
    public static String url(String host, String path) {
        return "http://" + host + ":" + RestAssured.port + path;
    }

    /** Opens {@code path} on {@code host}. */
    public void open(String host, String path) {
        driver.get(url(host, path));
    }

    /** The element matching the selector, waiting for it to appear. */
    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(d -> d.findElement(by));
    }

    /** Waits until {@code condition} holds. */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(WAIT, condition);
    }

    /**
     * Waits up to {@code timeout} until {@code condition} holds. An element the page replaced while the condition read
     * it (a part refreshed in place) counts as "not yet", not as a failure.
     */
    public <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class).until(condition::apply);
    }

    /**
     * The rendered text of the first element matching the CSS selector, read in one step in the page, so a part the page
     * refreshes in place cannot be replaced between finding the element and reading it.
     */
    public String text(String selector) {
        return waitUntil(d -> (String) ((JavascriptExecutor) d).executeScript(
                "var e = document.querySelector(arguments[0]); return e === null ? null : e.innerText;", selector));
    }

    /** Waits for a page at a path matching {@code regex} to have loaded. */
    public void waitForPath(String regex) {
        waitUntil(d -> pathOf(d.getCurrentUrl()).matches(regex)
                && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** The path and query of the current page. */
    public String path() {
        return pathOf(driver.getCurrentUrl());
    }

    /** Types into the field with this id, replacing what it held. */
    public void type(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A computed style property of the first element matching the CSS selector. */
    public String style(String selector, String property) {
        return find(By.cssSelector(selector)).getCssValue(property);
    }

    /** Runs a test's steps, keeping a screenshot and the page source when they fail. */
    public void scenario(TestInfo test, Steps steps) throws Exception {
        try {
            steps.run();
        } catch (Exception | AssertionError e) {
            keepEvidence(test.getTestClass().map(Class::getSimpleName).orElse("browser") + "-"
                    + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            throw e;
        }
    }

    /** Saves a screenshot of the current page as {@code target/browser-screenshots/<name>.png}, for people to look at. */
    public Path screenshot(String name) {
        return save(Path.of("target", "browser-screenshots"), name);
    }

    /**
     * Runs axe-core (the copy in the test classpath) on the current page and returns its serious and critical
     * violations, one line each: rule, impact, help and the first offending elements.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityViolations() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeSource());
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, { resultTypes: ['violations'] })"
                        + ".then(function (r) { done(r.violations.map(function (v) { return { id: v.id, impact: v.impact,"
                        + " help: v.help, targets: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }) };"
                        + " })); })"
                        + ".catch(function (e) { done([{ id: 'axe-error', impact: 'critical', help: String(e),"
                        + " targets: [] }]); });");
        List<String> serious = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(v.get("id") + " (" + impact + "): " + v.get("help") + " at " + v.get("targets"));
            }
        }
        return serious;
    }

    /** Asserts that axe-core finds nothing serious or critical on the current page. */
    public void assertAccessible(String page) {
        assertThat(seriousAccessibilityViolations()).as("serious or critical axe-core violations on %s", page).isEmpty();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private void keepEvidence(String name) {
        try {
            save(FAILURES, name);
            Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // The test's own failure matters more than the evidence.
        }
    }

    private Path save(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Chromium.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            assertThat(in).as("axe.min.js on the test classpath (com.deque.html.axe-core:selenium)").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pathOf(String url) {
        int start = url.indexOf('/', url.indexOf("//") + 2);
        return start < 0 ? "/" : url.substring(start);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("tidewatch-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }

    /** Where chromedriver's own log goes: nowhere (its failures surface as Selenium exceptions). */
    private static final class OutputStreamSink {

        static final java.io.OutputStream DISCARD = java.io.OutputStream.nullOutputStream();

        private OutputStreamSink() {
        }
    }
}
