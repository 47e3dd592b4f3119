package io.lifeboat.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The repository's service modules, those with an HTTP port in their {@code application.properties}, and the
 * settings the manifests must follow.
 */
final class ServiceModules {

    /** The replicas each service runs with on Kubernetes. */
    static final Map<String, Integer> REPLICAS = Map.of("catalog-service", 2, "scheduler-service", 2,
            "health-monitor", 3, "dr-orchestrator", 2, "pg-agent", 1, "redis-agent", 1, "mongo-agent", 1, "fs-agent",
            1);

    private ServiceModules() {
    }

    /** Returns every service module by name with its HTTP port, read from its application.properties. */
    static Map<String, Integer> ports() {
        Map<String, Integer> ports = new TreeMap<>();
        try (Stream<Path> modules = Files.list(Manifests.REPOSITORY)) {
            modules.map(m -> m.resolve("src/main/resources/application.properties")).filter(Files::isRegularFile)
                    .forEach(file -> {
                        Properties properties = load(file);
                        String port = properties.getProperty("quarkus.http.port");
                        if (port != null) {
                            ports.put(file.getParent().getParent().getParent().getParent().getFileName().toString(),
                                    Integer.parseInt(port.trim()));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("unable to list the modules of " + Manifests.REPOSITORY, e);
        }
        return ports;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + file, e);
        }
        return properties;
    }
}
