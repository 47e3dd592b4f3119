package io.lifeboat.dr.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ChildProcess;

/**
 * The packaged DR orchestrator ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, so that a
 * test can kill it the way a machine dies: SIGKILL, between two steps of a failover.
 */
final class DrProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final ChildProcess process;
    private final int port;

    private DrProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the orchestrator with {@code lifeboat.dr.*} settings and waits until it reports ready. */
    static DrProcess start(String name, String bootstrap, Map<String, String> config) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the integration tests through "
                    + "'./mvnw verify', which packages the service first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Dkafka.bootstrap.servers=" + bootstrap, "-Dquarkus.http.port=" + port,
                "-Dlifeboat.dr.instance-id=" + name));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        try {
            Path log = Files.createTempFile(name + "-", ".log");
            ChildProcess process = ChildProcess.start(name, command, Path.of("."), log);
            DrProcess dr = new DrProcess(process, port);
            Await.until(name + " ready", Duration.ofSeconds(60), dr::ready,
                    () -> name + " is not ready; its log: " + log);
            return dr;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GETs a path of the service's API. */
    HttpResponse<String> get(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The service's log file. */
    Path log() {
        return process.log();
    }

    /** Kills the process with SIGKILL: no shutdown hook runs, no transaction commits. */
    void crash() {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
