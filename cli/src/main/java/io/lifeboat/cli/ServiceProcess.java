package io.lifeboat.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Lifeboat service application running as a child JVM of the local stack, with its log in a file. */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceCatalog.Service service;
    private final int port;
    private final Path logFile;
    private final Process process;

    private ServiceProcess(ServiceCatalog.Service service, int port, Path logFile, Process process) {
        this.service = service;
        this.port = port;
        this.logFile = logFile;
        this.process = process;
    }

    /**
     * Starts {@code service} from its packaged jar with {@code config} as system properties; small heaps and the
     * C1 compiler keep eight services starting quickly on two cores.
     */
    public static ServiceProcess start(Path home, ServiceCatalog.Service service, int port, Map<String, String> config,
            Path logDir) throws IOException {
        Path jar = service.jar(home);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("unable to start " + service.name() + ": " + jar
                    + " does not exist; build it with './lifeboat build'");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(logDir);
        Path log = logDir.resolve(service.name() + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        return new ServiceProcess(service, port, log, process);
    }

    /** Waits until the service reports ready, failing with the end of its log if it dies or takes too long. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.name() + " exited with code " + process.exitValue()
                        + " before it was ready; last lines of " + logFile + ":\n" + tail());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling until the deadline
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service.name() + " was not ready after " + timeout.toSeconds()
                + " s; last lines of " + logFile + ":\n" + tail());
    }

    /** The base URL of the service's HTTP endpoint. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The service this process runs. */
    public ServiceCatalog.Service service() {
        return service;
    }

    /** The file the service logs to. */
    public Path logFile() {
        return logFile;
    }

    /** The operating-system process id of the service. */
    public long pid() {
        return process.pid();
    }

    /** Stops the service (SIGTERM, so Quarkus shuts down gracefully), killing it if it has not exited in 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(logFile);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
