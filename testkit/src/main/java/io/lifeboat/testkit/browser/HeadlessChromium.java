package io.lifeboat.testkit.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium run headless on a page: prints the DOM after the page's scripts ran, or takes a screenshot. Any
 * module's tests can load a page they serve with it; failures are JUnit assertion failures naming the page.
 */
public final class HeadlessChromium {

    /** Where {@code ./lifeboat test} installs the browser. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String VIRTUAL_TIME_MS = "8000";

    private HeadlessChromium() {
    }

    /**
     * Fails the calling test unless the browser is installed: a browser test must not pass by skipping.
     */
    public static void requireInstalled() {
        if (!Files.isExecutable(BINARY)) {
            fail(BINARY + " is missing, so the page cannot be loaded in a browser; run ./lifeboat test, which "
                    + "installs chromium with the other prerequisites (or apt-get install chromium as root)");
        }
    }

    /**
     * Loads a page, lets its scripts run for a few seconds of virtual time and returns the resulting DOM.
     *
     * @param page the page
     * @return the run, with the serialized DOM as its stdout and the browser's diagnostics as its stderr
     */
    public static Output dumpDom(URL page) {
        return run(List.of("--dump-dom", page.toString()), "dump the DOM of " + page);
    }

    /**
     * Loads a page like {@link #dumpDom} and saves a PNG of a 1280x900 window.
     *
     * @param page the page
     * @param png where to save the image; its directory is created
     */
    public static void screenshot(URL page, Path png) {
        screenshot(page, png, 1280, 900);
    }

    /**
     * Loads a page like {@link #dumpDom} and saves a PNG of a window of the given size.
     *
     * @param page the page
     * @param png where to save the image; its directory is created
     * @param width the window's width in pixels
     * @param height the window's height in pixels
     */
    public static void screenshot(URL page, Path png, int width, int height) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to prepare the screenshot file " + png + ": " + e.getMessage(), e);
        }
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(), page.toString()),
                "take a screenshot of " + page);
    }

    private static Output run(List<String> action, String what) {
        Path profile = null;
        Path stdout = null;
        Path stderr = null;
        try {
            profile = Files.createTempDirectory("lifeboat-chromium-");
            stdout = Files.createTempFile("lifeboat-chromium-", ".out");
            stderr = Files.createTempFile("lifeboat-chromium-", ".err");
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--virtual-time-budget=" + VIRTUAL_TIME_MS));
            command.addAll(action);
            Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("chromium did not " + what + " within " + TIMEOUT.toSeconds() + "s; stderr:\n" + read(stderr));
            }
            Output output = new Output(process.exitValue(), read(stdout), read(stderr));
            if (output.exitCode() != 0) {
                fail("chromium was unable to " + what + ": exit code " + output.exitCode() + "; stderr:\n"
                        + output.stderr());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("unable to run " + BINARY + " to " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while chromium was asked to " + what, e);
        } finally {
            delete(profile);
            delete(stdout);
            delete(stderr);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void delete(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp file is harmless; the system temp directory is cleaned eventually.
        }
    }

    /**
     * What one chromium run printed.
     *
     * @param exitCode its exit code
     * @param stdout its standard output (the DOM for {@code --dump-dom})
     * @param stderr its diagnostics
     */
    public record Output(int exitCode, String stdout, String stderr) {
    }
}
