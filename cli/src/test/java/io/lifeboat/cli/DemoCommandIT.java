package io.lifeboat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.process.Await;

/**
 * Runs {@code ./lifeboat demo} as a person would, waits until it says it is up, checks every service answers ready,
 * presses Ctrl-C (SIGINT) and checks that every service and server it started is gone.
 */
class DemoCommandIT {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SERVICE_LINE = Pattern
            .compile("^\\s+(\\S+-\\S+)\\s+(http://127\\.0\\.0\\.1:\\d+)/q/health\\s+\\(pid (\\d+)\\)");
    private static final Pattern PORT_IN_URL = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)");

    @Test
    void startsEveryServiceAndServerAndStopsThemAllOnCtrlC() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(HOME.resolve("lifeboat").toString(), "demo")
                .directory(HOME.toFile()).redirectErrorStream(true);
        builder.environment().put("LIFEBOAT_NO_BUILD", "1");
        Process demo = builder.start();
        List<String> output = new ArrayList<>();
        List<String[]> services = new ArrayList<>();
        List<Integer> serverPorts = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean up = false;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                if (line.startsWith("Lifeboat is up")) {
                    up = true;
                }
                Matcher service = SERVICE_LINE.matcher(line);
                if (service.find()) {
                    services.add(new String[]{service.group(1), service.group(2), service.group(3)});
                } else if (up && (line.contains("PostgreSQL target") || line.contains("Redis target")
                        || line.contains("Kafka broker"))) {
                    Matcher port = PORT_IN_URL.matcher(line);
                    assertThat(port.find()).as(line).isTrue();
                    serverPorts.add(Integer.parseInt(port.group(1)));
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            assertThat(up).as("demo output:\n%s", String.join("\n", output)).isTrue();
            assertThat(services).extracting(s -> s[0]).containsExactlyInAnyOrderElementsOf(
                    ServiceCatalog.ALL.stream().map(ServiceCatalog.Service::name).toList());
            for (String[] service : services) {
                assertThat(status(service[1] + "/q/health/ready")).as(service[0]).isEqualTo(200);
            }
            assertThat(serverPorts).hasSize(3).allMatch(DemoCommandIT::listening);
            assertThat(StackFile.read(HOME, StackFile.BOOTSTRAP)).as("the stack file names the broker")
                    .hasValueSatisfying(bootstrap -> assertThat(output)
                            .anyMatch(l -> l.contains("Kafka broker") && l.contains(bootstrap)));
            assertThat(StackFile.read(HOME, StackFile.CATALOG)).isPresent();
            Await.until("./lifeboat targets lists the demo targets, found through the stack file",
                    Duration.ofSeconds(60), () -> verb("targets", "--json").contains("\"demo-pg\""),
                    () -> "output: " + verb("targets", "--json"));

            new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();
            assertThat(demo.waitFor(90, TimeUnit.SECONDS)).as("demo stops within 90 s of Ctrl-C").isTrue();
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
        } finally {
            demo.destroyForcibly();
        }
        assertThat(output).as(String.join("\n", output)).contains("lifeboat: stopped cleanly");
        for (String[] service : services) {
            assertThat(ProcessHandle.of(Long.parseLong(service[2])).map(ProcessHandle::isAlive).orElse(false))
                    .as("%s (pid %s) is gone", service[0], service[2]).isFalse();
        }
        assertThat(serverPorts).noneMatch(DemoCommandIT::listening);
        assertThat(StackFile.of(HOME)).as("the stack file goes with the stack").doesNotExist();
    }

    /** Runs an operator's verb through the launcher, as a person would, and returns what it printed. */
    private static String verb(String... args) {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("lifeboat").toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("LIFEBOAT_NO_BUILD", "1");
            builder.environment().remove("LIFEBOAT_CATALOG");
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return "exit " + process.exitValue() + ": " + out;
        } catch (IOException e) {
            return "failed to run " + command + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static int status(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
