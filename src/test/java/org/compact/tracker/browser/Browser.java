package org.compact.tracker.browser;

import org.compact.tracker.support.Jsons;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium driven through chromedriver, with the flags that suit a closed network and a fresh
 * profile. Each page visited can be kept as a screenshot (target/screenshots) and checked with axe-core, when the
 * build installed it (.ci/run: npm into .ci/node).
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    static final Path AXE = Path.of(System.getProperty("browser.axe", ".ci/node/node_modules/axe-core/axe.min.js"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The phone width every page is checked at, in CSS pixels: the narrowest phones, and 1280 pixels at 400 %. */
    static final int PHONE_WIDTH = 320;
    private static final AtomicInteger SHOTS = new AtomicInteger();
    private static boolean axeMissingTold;

    final WebDriver driver;
    private final URI base;
    private final Path profile;
    private final String axeSource;

    private Browser(WebDriver driver, URI base, Path profile, String axeSource) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.axeSource = axeSource;
    }

    /** Skips the calling test, saying how to run it, when Chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        Assumptions.assumeTrue(BrowserInstalled.present(), BrowserInstalled.HOW);
    }

    static Browser open(URI base) {
        assumeInstalled();
        try {
            Path profile = Files.createTempDirectory("tracker-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,2400", "--lang=en-GB",
                    "--user-data-dir=" + profile.toAbsolutePath());
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            WebDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            String axe = Files.isReadable(AXE) ? Files.readString(AXE) : null;
            if (axe == null && !axeMissingTold) {
                axeMissingTold = true;
                System.out.println("axe-core checks skipped: " + AXE.toAbsolutePath() + " is missing. Install it with "
                        + "'npm install --prefix .ci/node axe-core@4' (.ci/run does this), or set -Dbrowser.axe.");
            }
            return new Browser(driver, base, profile, axe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base.resolve(path).toString());
    }

    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Date inputs take their value in the browser's locale when typed; setting it is what a date picker does. */
    void date(String id, String isoDate) {
        js("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + " e.dispatchEvent(new Event('change', {bubbles: true}));", id, isoDate);
    }

    void tick(String id) {
        WebElement box = driver.findElement(By.id(id));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /**
     * Clicks something that leads to another page, and waits until that page has loaded: the old page is marked, and
     * the wait is over when a document without the mark is complete. (Waiting for the old {@code <html>} element to
     * go stale sometimes failed: chromedriver can answer "Node with given id does not belong to the document" while
     * the documents change, which is not a stale-element error.)
     */
    void click(String css) {
        String mark = "page-" + System.nanoTime();
        js("window.__trackerPage = arguments[0];", mark);
        find(css).click();
        waitUntil(d -> {
            try {
                return !mark.equals(js("return window.__trackerPage;")) && "complete".equals(js("return document.readyState;"));
            } catch (WebDriverException changing) {
                return false;
            }
        }, Duration.ofSeconds(30));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout).until(condition);
    }

    /**
     * Keeps the page as target/screenshots/NN-name.png, checks that it wears the service's one layout and checks it
     * with axe-core; then does the same at a phone's width of 320 CSS pixels (which is also a 1280-pixel screen zoomed
     * to 400 %), where nothing may scroll sideways but a table in its own scrolling region.
     */
    void check(String name) {
        screenshot(name);
        assertOneLayout(name);
        axe(name);
        org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE_WIDTH, 900));
        try {
            waitUntil(d -> ((Number) js("return window.innerWidth;")).intValue() <= PHONE_WIDTH, Duration.ofSeconds(5));
            screenshot(name + "-phone");
            assertThat(js("return document.documentElement.scrollWidth > window.innerWidth"
                    + " ? Array.from(document.querySelectorAll('main *')).filter(function (e) {"
                    + " return e.getBoundingClientRect().right > window.innerWidth + 1"
                    + " && !(e.parentElement && e.parentElement.closest('.table-scroll')); }).slice(0, 5).map(function (e) {"
                    + " return e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right); }).join(', ')"
                    + " || 'outside main' : '';"))
                    .as("what scrolls sideways on " + name + " at " + PHONE_WIDTH + " px (" + driver.getCurrentUrl() + ")")
                    .isEqualTo("");
            axe(name + " at " + PHONE_WIDTH + " px");
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    /** The page links the one stylesheet and has the one header (the service's name), main and footer. */
    void assertOneLayout(String name) {
        String where = name + " (" + driver.getCurrentUrl() + ")";
        assertThat(all("link[rel='stylesheet']")).as("stylesheets of " + where).hasSize(1);
        assertThat(find("link[rel='stylesheet']").getAttribute("href")).as("the stylesheet of " + where)
                .endsWith("/assets/tracker.css");
        assertThat(all("header.site-header .site-header__name")).as("the header of " + where).hasSize(1);
        assertThat(find("header.site-header .site-header__name").getText()).isEqualTo("Consultation tracker");
        assertThat(all("main#main.main")).as("the main of " + where).hasSize(1);
        assertThat(all("footer.site-footer")).as("the footer of " + where).hasSize(1);
        assertThat(all("h1")).as("one heading of " + where).hasSize(1);
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(String.format("%02d-%s.png", SHOTS.incrementAndGet(), name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails on any axe-core violation of any impact, minor to critical (WCAG 2.2 A and AA rules and best practice). */
    @SuppressWarnings("unchecked")
    void axe(String name) {
        if (axeSource == null) {
            return;
        }
        if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined';"))) {
            js(axeSource);
        }
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                        + ".catch(function (e) { done('ERROR ' + e); });");
        String json = String.valueOf(result);
        assertThat(json).as("axe-core on " + name).doesNotStartWith("ERROR");
        List<Map<String, Object>> violations = Jsons.list(json);
        List<String> found = violations.stream()
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at "
                        + ((List<Map<String, Object>>) v.get("nodes")).stream().map(n -> String.valueOf(n.get("target"))).toList())
                .toList();
        assertThat(found).as("accessibility violations on " + name + " (" + driver.getCurrentUrl() + ")").isEmpty();
    }

    /** No script injected through the data ran, and none made it into the page as an element. */
    void assertNoInjectedScript(String page) {
        assertThat(js("return typeof window.__xss;")).as("window.__xss on " + page).isEqualTo("undefined");
        assertThat(all("script:not([src])")).as("inline scripts on " + page).isEmpty();
        assertThat(all("img[src='x']")).as("injected images on " + page).isEmpty();
        for (WebElement s : all("script[src]")) {
            assertThat(s.getAttribute("src")).as("script sources on " + page).startsWith(base.resolve("/assets/").toString());
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
