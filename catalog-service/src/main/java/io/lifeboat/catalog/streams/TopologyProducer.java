package io.lifeboat.catalog.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;

import io.lifeboat.catalog.config.CatalogConfig;

/**
 * Hands the catalog topology, built from {@code lifeboat.catalog.*}, to the Quarkus Kafka Streams extension.
 */
@ApplicationScoped
public class TopologyProducer {

    @Produces
    Topology topology(CatalogConfig config) {
        return CatalogTopology.build(settings(config));
    }

    /**
     * Converts the service's config to topology settings.
     *
     * @param config the config
     * @return the settings
     */
    public static TopologySettings settings(CatalogConfig config) {
        return new TopologySettings(config.rpo().tick(), config.rpo().publishInterval(), config.rpo().restoreRatio(),
                config.retention().enabled(), config.retention().interval(), config.retention().expiredAudit(),
                config.persistentStores(), config.rpo().catchUpThreshold());
    }
}
