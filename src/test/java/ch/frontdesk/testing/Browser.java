package ch.frontdesk.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium for every browser test class, started on first use and closed when the JVM ends:
 * starting Chrome costs seconds and the machine's two cores are shared. Debian's Chromium and chromedriver are
 * used directly, so Selenium Manager (which would download a browser) never runs.
 */
public final class Browser {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static ChromeDriver driver;
    private static Path profile;

    private Browser() {
    }

    public static synchronized ChromeDriver get() {
        if (driver == null) {
            requireChromium();
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(Browser::quit, "browser-shutdown"));
        }
        return driver;
    }

    /**
     * CI installs Debian's Chromium (.ci/run) and must run these tests; on a developer's machine without it they are
     * skipped with a note saying how to get it, so that {@code ./mvnw verify} still works out of the box.
     */
    private static void requireChromium() {
        if (Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER))) {
            return;
        }
        String missing = "The browser tests need Debian's Chromium: apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(missing);
        }
        Assumptions.abort(missing);
    }

    private static ChromeDriver start() {
        try {
            profile = Files.createTempDirectory("frontdesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=en-GB", "--hide-scrollbars", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                // Times on the pages are shown in the browser's zone: UTC makes them the server's.
                .withEnvironment(Map.of("TZ", "UTC"))
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return chrome;
    }

    private static synchronized void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // A profile left in /tmp is harmless.
            }
        }
    }

    /** The viewport becomes {@code width} x {@code height} CSS pixels, as on a phone or a laptop. */
    public static void viewport(int width, int height) {
        ChromeDriver chrome = get();
        chrome.manage().window().setSize(new Dimension(width, height));
        // The window includes the browser's frame: grow it by the difference so the page itself has that size.
        long innerWidth = (Long) chrome.executeScript("return window.innerWidth");
        long innerHeight = (Long) chrome.executeScript("return window.innerHeight");
        chrome.manage().window().setSize(new Dimension(width + (width - (int) innerWidth),
                height + (height - (int) innerHeight)));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            File shot = get().getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
