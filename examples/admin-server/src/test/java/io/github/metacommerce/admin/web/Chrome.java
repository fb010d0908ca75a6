package io.github.metacommerce.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own ChromeDriver (never Selenium Manager), with the checks every page of
 * the walk-through gets: no SEVERE browser console entry (script errors, failed loads, CSP violations), no axe-core
 * violation of impact serious or critical, no JavaScript alert; and screenshots into the repository's
 * {@code docs/images}.
 */
final class Chrome implements AutoCloseable {
    /** Debian's Chromium; {@code -Dbrowser.chromium=...} names another binary. */
    static final Path BROWSER = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    /** Debian's ChromeDriver; {@code -Dbrowser.chromedriver=...} names another binary. */
    static final Path DRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final Path images;

    private Chrome(ChromeDriver driver, ChromeDriverService service, Path profile, Path images) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.images = images;
    }

    /**
     * Skips the calling test when Chromium or ChromeDriver is missing, or fails it when the environment variable
     * {@code CI} is set (so CI cannot pass without running the browser tests).
     */
    static void requireInstalled() {
        if (!installed() && System.getenv("CI") != null) {
            fail(MISSING + "; CI is set, so a missing browser is an error, not a skip.");
        }
        Assumptions.assumeTrue(installed(), MISSING);
    }

    static final String MISSING = "Browser tests need " + BROWSER + " and " + DRIVER
            + " (Debian: apt-get install -y chromium chromium-driver)";

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    static Chrome start() {
        requireInstalled();
        // Selenium Manager never runs: the driver is named, and so is the browser binary.
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            Path profile = Files.createTempDirectory("chrome-profile");
            ChromeOptions o = new ChromeOptions();
            o.setBinary(BROWSER.toFile());
            // reduced motion: no smooth scrolling (Bootstrap's) under a click, no transitions in screenshots
            o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--force-prefers-reduced-motion", "--window-size=" + WIDTH + "," + HEIGHT,
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            o.setCapability(ChromeOptions.LOGGING_PREFS, logs);
            // an alert stays open, so that the test can see it instead of the driver dismissing it
            o.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, o);
            Path images = Path.of(System.getProperty("user.dir")).resolve("../../docs/images").normalize();
            Files.createDirectories(images);
            return new Chrome(driver, service, profile, images);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT);
    }

    void open(String url) {
        driver.get(url);
        waitForLoad();
    }

    void waitForLoad() {
        waiting().until(d -> "complete".equals(js("return document.readyState")));
    }

    WebElement id(String id) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    /** @return the element's visible text once it is shown */
    String text(String id) {
        return id(id).getText().strip();
    }

    /** Clicks something that loads a new page and waits until the old page is gone and the new one is loaded. */
    void clickAndLoad(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        andLoad(() -> waiting().until(ExpectedConditions.elementToBeClickable(element)).click());
    }

    /** Does something that loads a new page (a click, a key) and waits until the new page is loaded. */
    void andLoad(Runnable action) {
        // a mark on the old page's window: gone once the new page is there (robust against the race in which
        // ChromeDriver sees the old document half torn down)
        String mark = UUID.randomUUID().toString();
        js("window.walkThroughMark = arguments[0]", mark);
        action.run();
        waiting().ignoring(WebDriverException.class).until(d -> !mark.equals(js("return window.walkThroughMark"))
                && "complete".equals(js("return document.readyState")));
    }

    void clickAndLoad(String id) {
        clickAndLoad(id(id));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * The checks every page gets: no alert, no SEVERE console entry since the last check, no serious or critical
     * axe-core violation.
     *
     * @param page the page's name for the messages
     */
    void checkPage(String page) {
        assertNoAlert(page);
        assertNoConsoleErrors(page);
        assertAccessible(page);
    }

    /**
     * As {@link #checkPage(String)} for a page the server answered with an error status on purpose (a form shown
     * again with its field errors): Chromium logs that status of the document itself as SEVERE; only that entry is
     * allowed.
     */
    void checkPageAnswered(String page, int status) {
        assertNoAlert(page);
        String expected = driver.getCurrentUrl() + " - Failed to load resource: the server responded with a status of "
                + status + " ";
        assertNoConsoleErrors(page, consoleEntries().stream().filter(e -> !e.getMessage().startsWith(expected))
                .toList());
        assertAccessible(page);
    }

    void assertNoAlert(String page) {
        try {
            String text = driver.switchTo().alert().getText();
            fail("A JavaScript alert is open on " + page + ": " + text);
        } catch (NoAlertPresentException expected) {
            // no alert: fine
        }
    }

    /** Reads (and so clears) the browser log and fails on a SEVERE entry. */
    void assertNoConsoleErrors(String page) {
        assertNoConsoleErrors(page, consoleEntries());
    }

    private void assertNoConsoleErrors(String page, List<LogEntry> entries) {
        List<LogEntry> severe = entries.stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("SEVERE browser console entries on %s (%s): %s", page, driver.getCurrentUrl(),
                severe.stream().map(LogEntry::getMessage).collect(Collectors.joining("\n"))).isEmpty();
    }

    List<LogEntry> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    void assertAccessible(String page) {
        Results results = new AxeBuilder().analyze(driver);
        List<Rule> bad = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
        if (!bad.isEmpty()) {
            fail("axe-core violations (serious/critical) on " + page + " (" + driver.getCurrentUrl() + "):\n"
                    + describe(bad));
        }
    }

    static String describe(List<Rule> rules) {
        StringBuilder sb = new StringBuilder();
        for (Rule r : rules) {
            sb.append("- ").append(r.getId()).append(" [").append(r.getImpact()).append("] ").append(r.getHelp())
                    .append('\n');
            for (CheckedNode n : r.getNodes()) {
                sb.append("    ").append(n.getTarget()).append(": ").append(n.getHtml()).append("\n      ")
                        .append(String.valueOf(n.getFailureSummary()).replace("\n", "\n      ")).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * Saves the whole page (beyond the viewport, at the current viewport width) as {@code docs/images/<name>.png},
     * through the DevTools protocol, so the window is never resized.
     */
    @SuppressWarnings("unchecked")
    Path screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        long width = ((Number) js("return window.innerWidth")).longValue();
        double height = Math.min(4000, ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height,
                        "scale", 1)));
        try {
            Path target = images.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Emulates a phone-sized viewport (CSS pixels) through the DevTools protocol. */
    void emulate(long width, long height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
        waiting().until(d -> ((Number) js("return window.innerWidth")).longValue() == width);
    }

    void desktop() {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        waiting().until(d -> ((Number) js("return window.innerWidth")).longValue() == WIDTH);
    }

    /** Asserts that the page does not scroll sideways at the current width. */
    void assertNoHorizontalScroll(String page) {
        long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) js("return window.innerWidth")).longValue();
        assertThat(scroll).as("%s scrolls sideways at %d px: scrollWidth %d", page, inner, scroll)
                .isLessThanOrEqualTo(inner);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
