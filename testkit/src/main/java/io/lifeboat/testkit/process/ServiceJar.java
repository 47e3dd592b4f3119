package io.lifeboat.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A packaged Quarkus service of the module under test ({@code target/quarkus-app/quarkus-run.jar}) as a process of
 * its own, so that an integration test can run several instances and kill one the way a machine dies: SIGKILL, no
 * shutdown hook, no commit.
 */
public final class ServiceJar implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    // HTTP/1.1: the JDK client's default offers an h2c upgrade, and a large answer then came back as a broken
    // HTTP/2 frame ("Frame type(115) length(3157026) exceeds MAX_FRAME_SIZE").
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final ChildProcess process;
    private final int port;

    private ServiceJar(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service on a free HTTP port and waits until {@code /q/health/ready} answers 200.
     *
     * @param name name of the instance, for its log file and messages
     * @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 256m}
     * @param patience how long it may take to become ready
     * @param config system properties of the instance, given its HTTP port
     * @return the running instance
     * @throws IllegalStateException when the jar is missing, or the process exits or is not ready in time
     */
    public static ServiceJar start(String name, String maxHeap, Duration patience,
            IntFunction<Map<String, String>> config) {
        return start(JAR, name, maxHeap, patience, config);
    }

    /**
     * Starts another module's packaged service, e.g. {@code ../pg-agent/target/quarkus-app/quarkus-run.jar}, the
     * same way as {@link #start(String, String, Duration, IntFunction)}.
     *
     * @param jar the service's {@code quarkus-run.jar}
     * @param name name of the instance, for its log file and messages
     * @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 256m}
     * @param patience how long it may take to become ready
     * @param config system properties of the instance, given its HTTP port
     * @return the running instance
     * @throws IllegalStateException when the jar is missing, or the process exits or is not ready in time
     */
    public static ServiceJar start(Path jar, String name, String maxHeap, Duration patience,
            IntFunction<Map<String, String>> config) {
        ServiceJar service = launch(jar, name, maxHeap, config);
        Await.until(name + " ready", patience, service::ready, () -> name + " is not ready; its log: " + service.log());
        return service;
    }

    /**
     * Starts the service of the module under test on a free HTTP port without waiting until it is ready, for tests
     * of a service that must not become ready (a wrong password, say).
     *
     * @param name name of the instance, for its log file and messages
     * @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 256m}
     * @param config system properties of the instance, given its HTTP port
     * @return the started instance
     * @throws IllegalStateException when the jar is missing
     */
    public static ServiceJar launch(String name, String maxHeap, IntFunction<Map<String, String>> config) {
        return launch(JAR, name, maxHeap, config);
    }

    private static ServiceJar launch(Path jar, String name, String maxHeap, IntFunction<Map<String, String>> config) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package that service first "
                    + "('./mvnw verify' builds the modules in order, or './mvnw -pl <module> package -DskipTests')");
        }
        int port = FreePorts.find();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + maxHeap, "-Dquarkus.http.port=" + port));
        config.apply(port).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        try {
            Path log = Files.createTempFile(name + "-", ".log");
            return new ServiceJar(ChildProcess.start(name, command, Path.of("."), log), port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * GETs a path of the service's HTTP API.
     *
     * @param path the path, e.g. {@code /api/runs}
     * @return the response
     */
    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the HTTP port the instance listens on.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the instance's log file.
     *
     * @return the log
     */
    public Path log() {
        return process.log();
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    public void crash() {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        Await.until(process + " gone", Duration.ofSeconds(20), () -> !process.isAlive(), () -> "still alive");
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException(process + " exited; its log: " + process.log());
        }
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
