package dev.closeout.support;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * A real headless Chromium for the browser tests: Debian's {@code chromium} driven through its {@code
 * chromedriver} (both installed by .ci/run; nothing is downloaded at run time), one per test class. What a person
 * sees is checked through it; {@link #screenshot} keeps each test's last view under app/target/screenshots/, and
 * {@link #consoleErrors} says what the page's scripts complained of.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Headless Chromium makes no window narrower than this. */
    private static final int DESKTOP_MIN_WIDTH = 500;
    /** How long a page may take to load before a test fails: generous, as CI machines are loaded. */
    private static final Duration NAVIGATION_TIMEOUT = Duration.ofSeconds(60);

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A new headless browser at 1280 × 900, or {@code width} wide (a phone's screen below 500 px). */
    public static Browser open(int width) {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + ",900", "--lang=en-GB");
        if (width < DESKTOP_MIN_WIDTH) {
            // a window narrower than Chromium's smallest is a phone's screen, emulated
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", width, "height", 844, "pixelRatio", 1.0)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver);
    }

    public static Browser open() {
        return open(1280);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Clicks {@code element} (a link, a form's button) and waits until the next page has loaded. A click returns
     * before the browser has left the page, so reading the page right after it reads the old one on a busy
     * machine: this waits for the old page to go, never for a fixed time.
     */
    public void clickToNextPage(WebElement element) {
        WebElement old = driver.findElement(By.tagName("html"));
        if (!element.isDisplayed()) {
            throw new AssertionError("a person cannot click what is not shown: " + element);
        }
        // clicked from the page's own script: chromedriver's click looks at the page again once the click is done,
        // and when the click has already replaced the page it failed now and then ("node does not belong to the
        // document"); the wait below follows the navigation instead
        driver.executeScript("arguments[0].click()", element);
        WebDriverWait wait = new WebDriverWait(driver, NAVIGATION_TIMEOUT);
        // while the page is being replaced Chromium may answer about the old one with an inspector error ("node
        // does not belong to the document") rather than as stale: that too means not there yet, so ask again
        wait.ignoring(WebDriverException.class);
        wait.until(ExpectedConditions.stalenessOf(old));
        wait.until(browser -> "complete".equals(((JavascriptExecutor) browser).executeScript("return document.readyState")));
    }

    /**
     * Waits until {@code condition} holds on the page as its scripts change it in place (no new page is loaded), and
     * answers what it answered; reading a part that was just replaced counts as not yet.
     */
    public <T> T waitUntil(Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, NAVIGATION_TIMEOUT);
        wait.ignoring(WebDriverException.class);
        return wait.until(condition);
    }

    /** Signs in on the sign-in page the browser shows, with {@code token}, and waits for the page it leads to. */
    public void signIn(String token) {
        driver.findElement(By.name("token")).sendKeys(token);
        clickToNextPage(driver.findElement(By.cssSelector("form[action='/login'] button[type='submit']")));
    }

    /** Asserts that the page is no wider than the window: at a phone's width nobody should scroll sideways. */
    public void assertNoSidewaysScrolling() {
        long width = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) driver.executeScript("return window.innerWidth");
        if (width > viewport) {
            throw new AssertionError("the page scrolls sideways: " + width + " px wide in a window of " + viewport);
        }
    }

    /** Saves what the browser shows as target/screenshots/{@code name}.png; answers the file. */
    public Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console messages of level SEVERE since the last call: script errors, failed loads, CSP refusals. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
