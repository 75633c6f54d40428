package io.tidewatch.e2e;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An employee's browser: Debian's Chromium, headless, driven by its chromedriver. It announces itself with an ordinary
 * desktop Chrome user agent, as the employee's browser would: headless Chromium's own ({@code HeadlessChrome}) is
 * rightly flagged by the phishing listener as automation and would never move a recipient's status. Missing Chromium
 * is a failure here, never a skip: this run exists to prove the real flow.
 */
final class EmployeeBrowser implements AutoCloseable {

    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/142.0.0.0 Safari/537.36";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final Path profile;

    private EmployeeBrowser(ChromeDriverService service, WebDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts Chromium, failing with what to install when it is missing. */
    static EmployeeBrowser start() throws IOException {
        File chromium = new File(env("TIDEWATCH_CHROMIUM", "/usr/bin/chromium"));
        File chromedriver = new File(env("TIDEWATCH_CHROMEDRIVER", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("the end-to-end run needs Chromium at " + chromium + " and chromedriver at "
                    + chromedriver + " (Debian: apt-get install chromium chromium-driver)");
        }
        Path profile = Files.createTempDirectory("tidewatch-e2e-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--window-size=1280,900",
                "--user-data-dir=" + profile, "--user-agent=" + USER_AGENT);
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new EmployeeBrowser(service, driver, profile);
    }

    /** Opens a file (a received message's HTML) as a mail client shows it: images load. */
    void openFile(Path file) {
        driver.get(file.toUri().toString());
        waitUntilLoaded();
    }

    /** Clicks the first link whose address contains {@code fragment}, and waits for the page it leads to. */
    void clickLinkContaining(String fragment) {
        String before = driver.getCurrentUrl();
        find(By.cssSelector("a[href*='" + fragment + "']")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().equals(before));
        waitUntilLoaded();
    }

    /** Types into the first field matching the CSS selector. */
    void type(String selector, String text) {
        WebElement field = find(By.cssSelector(selector));
        field.clear();
        field.sendKeys(text);
    }

    /** Submits the form holding the first field matching the CSS selector, and waits for the answer to load. */
    void submitFormOf(String selector) {
        WebElement field = find(By.cssSelector(selector));
        ((JavascriptExecutor) driver).executeScript("window.__submitted = true;");
        field.submit();
        new WebDriverWait(driver, WAIT).until(
                d -> !Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.__submitted === true;")));
        waitUntilLoaded();
    }

    /** The address of the current page. */
    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** The current page's text. */
    String pageText() {
        return find(By.tagName("body")).getText();
    }

    /** Keeps a screenshot and the page source under {@code dir}, for whoever reads a failure. */
    void keepEvidence(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // The failure itself matters more than its evidence.
        }
    }

    private WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(d -> d.findElement(by));
    }

    private void waitUntilLoaded() {
        new WebDriverWait(driver, WAIT).until(
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary profile is harmless.
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
