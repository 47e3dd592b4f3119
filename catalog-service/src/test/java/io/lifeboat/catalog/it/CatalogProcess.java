package io.lifeboat.catalog.it;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.testkit.process.ServiceJar;

/**
 * Starts the packaged catalog service as a process of its own (see {@link ServiceJar}), with its Kafka Streams
 * settings: the broker, a state directory, and its own address for interactive queries.
 */
final class CatalogProcess {

    private CatalogProcess() {
    }

    /** Starts the service and waits until it reports ready. */
    static ServiceJar start(String name, String bootstrap, Path stateDir, Map<String, String> config) {
        return ServiceJar.start(name, "512m", Duration.ofSeconds(90), port -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("kafka.bootstrap.servers", bootstrap);
            properties.put("quarkus.kafka-streams.bootstrap-servers", bootstrap);
            properties.put("quarkus.kafka-streams.application-server", "localhost:" + port);
            properties.put("kafka-streams.state.dir", stateDir.toString());
            properties.putAll(config);
            return properties;
        });
    }
}
