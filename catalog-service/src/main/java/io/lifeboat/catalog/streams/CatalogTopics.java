package io.lifeboat.catalog.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.lifeboat.catalog.config.CatalogConfig;
import io.lifeboat.events.admin.ContractTopics;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the topics the catalog reads and writes when they are missing, and refuses to start when the target-keyed
 * input topics differ in partition count (see {@link ContractTopics}).
 */
@ApplicationScoped
public class CatalogTopics {

    void onStart(@Observes StartupEvent start, CatalogConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) throws InterruptedException {
        if (config.topics().create()) {
            ContractTopics.ensure(KafkaClientSettings.fromConfig(bootstrap), "catalog-service", CatalogTopology.INPUTS,
                    config.topics().partitions(),
                    config.topics().replicationFactor());
        }
    }
}
