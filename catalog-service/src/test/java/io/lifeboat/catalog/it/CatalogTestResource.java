package io.lifeboat.catalog.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives the catalog under test its own state directory and a fast clock: the RPO punctuator ticks every 200 ms and
 * republishes an unchanged lag every second, and the gauges are refreshed every half second, so tests see lag move
 * without waiting minutes.
 */
public class CatalogTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            String stateDir = Files.createTempDirectory("catalog-state-").toString();
            return Map.of("kafka-streams.state.dir", stateDir,
                    "lifeboat.catalog.rpo.tick", "200ms",
                    "lifeboat.catalog.rpo.publish-interval", "1s",
                    "lifeboat.catalog.metrics.refresh", "500ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // The state directory is left for post-mortems; it lives under the system temp directory.
    }
}
