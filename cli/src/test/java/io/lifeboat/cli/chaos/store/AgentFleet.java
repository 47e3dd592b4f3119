package io.lifeboat.cli.chaos.store;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.lifeboat.cli.ServiceCatalog;
import io.lifeboat.events.Engine;
import io.lifeboat.testkit.process.ServiceJar;

/**
 * The packaged agents of the scenario's engines, started at once from the repository's jars with one configuration,
 * each on a free port; closing stops them all.
 */
final class AgentFleet implements AutoCloseable {

    private final Map<Engine, ServiceJar> agents = new LinkedHashMap<>();

    private AgentFleet() {
    }

    /**
     * Starts the agent of every engine in {@code services} and waits until each is ready; if one fails, the others
     * are stopped before the error is thrown.
     */
    static AgentFleet start(Path home, Map<Engine, String> services, Map<String, String> config) {
        AgentFleet fleet = new AgentFleet();
        Map<Engine, CompletableFuture<ServiceJar>> starting = new LinkedHashMap<>();
        services.forEach((engine, service) -> starting.put(engine, CompletableFuture.supplyAsync(() -> ServiceJar
                .start(ServiceCatalog.byName(service).jar(home), service, "256m", Duration.ofMinutes(4),
                        port -> config))));
        RuntimeException failure = null;
        for (Map.Entry<Engine, CompletableFuture<ServiceJar>> entry : starting.entrySet()) {
            try {
                fleet.agents.put(entry.getKey(), entry.getValue().join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            fleet.close();
            throw failure;
        }
        return fleet;
    }

    /** The agents that do not answer ready now, each with the reason and its log file. */
    List<String> notReady() {
        List<String> out = new ArrayList<>();
        agents.forEach((engine, agent) -> {
            try {
                int status = agent.get("/q/health/ready").statusCode();
                if (status != 200) {
                    out.add("the " + engine.id() + " agent answers " + status + " on /q/health/ready (log "
                            + agent.log() + ")");
                }
            } catch (UncheckedIOException e) {
                out.add("the " + engine.id() + " agent does not answer: " + e.getMessage() + " (log " + agent.log()
                        + ")");
            }
        });
        return out;
    }

    /** The log file of the agent of {@code engine}. */
    Path log(Engine engine) {
        return agents.get(engine).log();
    }

    @Override
    public void close() {
        agents.values().forEach(ServiceJar::close);
    }
}
