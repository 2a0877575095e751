package io.shardhome.service.ui;

import io.shardhome.links.testing.StrictTests;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven through chromedriver, with a fresh profile. When the browser or its
 * driver is not installed, {@link #open()} aborts the calling test with a message (JUnit reports it as
 * skipped with the reason), or fails it under {@link StrictTests} (as {@code .ci/run} runs the build), so a
 * missing browser never passes silently. Paths can be overridden with
 * {@code -Dshardhome.ui.chromium=} and {@code -Dshardhome.ui.chromedriver=}. Screenshots go to
 * {@code target/screenshots} and, with {@code -Dshardhome.ui.screenshots=DIR}, also to DIR.
 */
final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("shardhome.ui.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("shardhome.ui.chromedriver", "/usr/bin/chromedriver");

    /** Screenshots show the whole page up to this height, so long tables do not make huge pictures. */
    private static final int MAX_SHOT_HEIGHT = 1300;

    final ChromeDriver driver;
    private final Path profile;
    private boolean closed;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser open() {
        if (!installed(CHROMIUM) || !installed(CHROMEDRIVER)) {
            StrictTests.skipOrFail("no browser: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed for the"
                    + " admin-ui browser tests (apt-get install -y chromium chromium-driver)");
        }
        Path profile = tempProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return new Browser(driver, profile);
    }

    private static boolean installed(String path) {
        return Files.isExecutable(Path.of(path));
    }

    private static Path tempProfile() {
        try {
            return Files.createTempDirectory("shardhome-ui-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a browser profile directory", e);
        }
    }

    /** Saves the page (up to {@value #MAX_SHOT_HEIGHT} pixels high) as {@code name}.png. */
    void screenshot(String name) {
        Dimension viewport = driver.manage().window().getSize();
        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
        int tall = (int) Math.min(MAX_SHOT_HEIGHT, Math.max(viewport.height, height + 120));
        driver.manage().window().setSize(new Dimension(viewport.width, tall));
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        driver.manage().window().setSize(viewport);
        copy(shot, Path.of("target", "screenshots"), name);
        String extra = System.getProperty("shardhome.ui.screenshots", "");
        if (!extra.isBlank()) {
            copy(shot, Path.of(extra), name);
        }
    }

    private static void copy(Path shot, Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save screenshot " + name + " in " + dir, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the browser profile " + profile, e);
        }
    }
}
