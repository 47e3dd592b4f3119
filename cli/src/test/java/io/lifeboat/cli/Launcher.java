package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code ./lifeboat} as a person would, and the small checks the demo's tests make on what it started. */
final class Launcher {

    /** The repository root, where {@code ./lifeboat} is. */
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private Launcher() {
    }

    /** The first string value of {@code "name"} in a verb's JSON output. */
    static String field(String json, String name) {
        Matcher value = Pattern.compile("\"" + name + "\" : \"([^\"]+)\"").matcher(json);
        assertThat(value.find()).as("%s in %s", name, json).isTrue();
        return value.group(1);
    }

    /** Runs an operator's verb through the launcher, as a person would: exit code and everything it printed. */
    static Launched verb(String... args) {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("lifeboat").toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("LIFEBOAT_NO_BUILD", "1");
            // The verbs must find the demo through its stack file.
            builder.environment().remove("LIFEBOAT_CATALOG");
            builder.environment().remove("LIFEBOAT_SCHEDULER");
            builder.environment().remove("LIFEBOAT_BOOTSTRAP");
            // Standard error goes to a file, so that a verb filling both pipes cannot stall on the one not read.
            Path errFile = Files.createTempFile("lifeboat-verb-", ".err");
            try {
                Process process = builder.redirectError(errFile.toFile()).start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                }
                return new Launched(String.join(" ", args), process.exitValue(), out, Files.readString(errFile));
            } finally {
                Files.deleteIfExists(errFile);
            }
        } catch (IOException e) {
            throw new IllegalStateException("failed to run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** What one launched verb did. */
    record Launched(String command, int exit, String out, String err) {

        @Override
        public String toString() {
            return "./lifeboat " + command + " -> exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    static int status(String url) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
