package io.lifeboat.cli.chaos.agents;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.testkit.process.ServiceJar;

/**
 * One packaged agent as a child process of the scenario: started, killed with SIGKILL, started again; counts the
 * times it was found gone without having been killed, or did not come up.
 */
final class AgentProcess implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(3);

    private final String name;
    private final Path jar;
    private final Map<String, String> config;
    private final List<String> findings = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private ServiceJar current;
    private ProcessHandle handle;
    private int crashes;

    AgentProcess(String name, Path jar, Map<String, String> config) {
        this.name = name;
        this.jar = jar;
        this.config = Map.copyOf(config);
    }

    /** Starts the agent and waits until it is ready; one that exits or is not ready is counted and tried once more. */
    synchronized void start() {
        for (int attempt = 1;; attempt++) {
            try {
                current = ServiceJar.start(jar, name, "256m", READY, port -> config);
                logs.add(current.log());
                handle = processOf(current.port()).orElseThrow(() -> new IllegalStateException("no child process of "
                        + "the scenario runs " + jar + " on port " + current.port()));
                return;
            } catch (IllegalStateException e) {
                crashes++;
                findings.add(name + " did not start (attempt " + attempt + "): " + e.getMessage());
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * Kills the agent with SIGKILL and waits until it is gone. An agent already gone exited by itself: counted.
     *
     * @param why what the kill interrupts, for the finding when the agent was already gone
     */
    synchronized void kill(String why) {
        if (!alive()) {
            crashes++;
            findings.add(name + " had exited by itself before it was to be killed (" + why + "); its log: "
                    + logs.get(logs.size() - 1));
            return;
        }
        current.crash();
    }

    /** Whether the current process runs. */
    synchronized boolean alive() {
        return handle != null && handle.isAlive();
    }

    /** Whether {@code /q/health/ready} answers 200 with status UP; otherwise why not. */
    synchronized Optional<String> notReady() {
        if (!alive()) {
            return Optional.of(name + " is not running; its log: " + logs.get(logs.size() - 1));
        }
        try {
            HttpResponse<String> ready = current.get("/q/health/ready");
            return ready.statusCode() == 200 && ready.body().contains("\"UP\"")
                    ? Optional.empty()
                    : Optional.of(name + " is not ready: " + ready.statusCode() + " " + ready.body().replaceAll(
                            "\\s+", " "));
        } catch (UncheckedIOException e) {
            return Optional.of(name + " does not answer /q/health/ready: " + e.getMessage());
        }
    }

    /** Starts that failed and exits the agent made by itself. */
    synchronized int crashes() {
        return crashes;
    }

    /** One line per start that failed or exit the agent made by itself. */
    synchronized List<String> findings() {
        return List.copyOf(findings);
    }

    /** The agent's name, e.g. {@code pg-agent}. */
    String name() {
        return name;
    }

    /** The log of the current instance. */
    synchronized Path log() {
        return logs.get(logs.size() - 1);
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
        }
    }

    // The testkit's ServiceJar keeps its process to itself; its HTTP port tells it apart from the other children.
    private Optional<ProcessHandle> processOf(int port) {
        String portFlag = "-Dquarkus.http.port=" + port;
        return ProcessHandle.current().children().filter(p -> p.info().arguments().map(List::of)
                .map(args -> args.contains(portFlag)).orElse(false)).findFirst();
    }
}
