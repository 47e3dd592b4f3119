package io.lifeboat.catalog.rest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.lifeboat.catalog.config.CatalogConfig;
import io.lifeboat.catalog.domain.plan.RestoreEstimates;
import io.lifeboat.catalog.domain.plan.RestorePlanner;

/**
 * Builds the restore planner from {@code lifeboat.catalog.estimates.*}, on top of the built-in retrieval delays.
 */
@ApplicationScoped
public class RestorePlannerProducer {

    @Produces
    @ApplicationScoped
    RestorePlanner planner(CatalogConfig config) {
        Map<String, Duration> delays = new HashMap<>(RestoreEstimates.defaults().retrievalDelays());
        config.estimates().retrievalDelay().forEach((storageClass, delay) -> delays.put(storageClass.toUpperCase(
                java.util.Locale.ROOT), delay));
        return new RestorePlanner(new RestoreEstimates(delays, config.estimates().restoreBytesPerSecond(),
                config.estimates().logReplayRatio()));
    }
}
