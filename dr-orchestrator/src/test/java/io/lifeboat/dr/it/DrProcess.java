package io.lifeboat.dr.it;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.testkit.process.ServiceJar;

/**
 * Starts the packaged DR orchestrator as a process of its own (see {@link ServiceJar}), so that a test can kill it
 * between two steps of a failover.
 */
final class DrProcess {

    private DrProcess() {
    }

    /** Starts the orchestrator with {@code lifeboat.dr.*} settings and waits until it reports ready. */
    static ServiceJar start(String name, String bootstrap, Map<String, String> config) {
        return ServiceJar.start(name, "256m", Duration.ofSeconds(60), port -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("kafka.bootstrap.servers", bootstrap);
            properties.put("lifeboat.dr.instance-id", name);
            properties.putAll(config);
            return properties;
        });
    }
}
