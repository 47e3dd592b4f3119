package io.lifeboat.agentkit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * What every agent's benchmark needs around its measurements: the agent's configuration at its defaults, a clock,
 * the machine's load for the printout, and the removal of its work directory.
 */
public final class Benches {

    private Benches() {
    }

    /** A measured step. */
    public interface Action {
        /** Runs the step. */
        void run() throws Exception;
    }

    /**
     * The agent's configuration at its defaults, as the agent reads them: the {@code application.properties} on the
     * class path of {@code anchor}'s module, with the store and the key file under {@code work}.
     */
    public static AgentConfig agentDefaults(Class<?> anchor, Path work) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AgentConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(Map.of("lifeboat.agent.store.local-root",
                        work.resolve("store").toString(), "lifeboat.agent.key.file",
                        work.resolve("master.key").toString()), "bench", 500))
                .withSources(new PropertiesConfigSource(anchor.getResource("/application.properties"), 250))
                .build();
        return config.getConfigMapping(AgentConfig.class);
    }

    /** Seconds that {@code action} took. */
    public static double time(Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return since(start);
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime()}). */
    public static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** {@code load <1-minute load average>}, for printouts on shared machines. */
    public static String load() {
        try {
            return "load " + Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "load ?";
        }
    }

    /** Deletes {@code root} and everything below it. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
