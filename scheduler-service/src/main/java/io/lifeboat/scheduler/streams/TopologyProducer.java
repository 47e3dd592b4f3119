package io.lifeboat.scheduler.streams;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.lifeboat.events.admin.ContractTopics;
import io.lifeboat.events.admin.KafkaClientSettings;
import io.lifeboat.scheduler.config.SchedulerConfig;
import io.lifeboat.scheduler.domain.PlannerSettings;
import io.quarkus.runtime.StartupEvent;

/**
 * Hands the scheduler topology, built from {@code lifeboat.scheduler.*}, to the Quarkus Kafka Streams extension, and
 * creates the topics it needs before the extension starts it.
 */
@ApplicationScoped
public class TopologyProducer {

    /** Requester named on every scheduled command. */
    public static final String REQUESTER = "scheduler-service";

    @Produces
    Topology topology(SchedulerConfig config) {
        return SchedulerTopology.build(settings(config));
    }

    void onStart(@Observes StartupEvent start, SchedulerConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) throws InterruptedException {
        if (config.topics().create()) {
            ContractTopics.ensure(KafkaClientSettings.fromConfig(bootstrap), REQUESTER, SchedulerTopology.INPUTS,
                    config.topics().partitions(),
                    config.topics().replicationFactor());
        }
    }

    /**
     * Converts the service's config to topology settings.
     *
     * @param config the config
     * @return the settings
     */
    public static SchedulerSettings settings(SchedulerConfig config) {
        return new SchedulerSettings(config.tick(), planner(config), config.catchUpThreshold(),
                config.persistentStores());
    }

    /**
     * Converts the service's config to planner settings.
     *
     * @param config the config
     * @return the settings
     */
    public static PlannerSettings planner(SchedulerConfig config) {
        return new PlannerSettings(config.staggerWindow(), config.misfireGrace(), config.staleAfter(),
                config.verifyLookback(), REQUESTER);
    }
}
