package io.lifeboat.scheduler.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The scheduler service's settings, {@code lifeboat.scheduler.*}.
 */
@ConfigMapping(prefix = "lifeboat.scheduler")
public interface SchedulerConfig {

    /** @return how often the wall-clock punctuator looks for due runs */
    @WithDefault("1s")
    Duration tick();

    /** @return stagger window of a policy that sets none; zero for none */
    @WithDefault("5m")
    Duration staggerWindow();

    /** @return how late a run may fire and still count as on time rather than missed (misfire handling applies) */
    @WithDefault("60s")
    Duration misfireGrace();

    /** @return how long a started backup may go without any fact before it no longer blocks the next one */
    @WithDefault("6h")
    Duration staleAfter();

    /** @return how far back a scheduled verification picks its backup */
    @WithDefault("24h")
    Duration verifyLookback();

    /** @return how far behind the clock a fact may be before due runs wait for the backlog to be folded */
    @WithDefault("60s")
    Duration catchUpThreshold();

    /** @return whether state stores live in RocksDB (true) or in memory; both are backed by changelog topics */
    @WithDefault("true")
    boolean persistentStores();

    /** @return how often the schedule gauges are read again from this instance's stores */
    @WithDefault("10s")
    Duration metricsRefresh();

    /** @return YAML file of policies defined at start-up (optional) */
    Optional<Path> policyFile();

    /** @return topic provisioning settings */
    Topics topics();

    /** Creation of the topics the scheduler reads and writes. */
    interface Topics {
        /** @return whether missing topics are created at start-up */
        @WithDefault("true")
        boolean create();

        /** @return partitions of created topics; the target-keyed input topics must all have the same count */
        @WithDefault("3")
        int partitions();

        /** @return replication factor of created topics, -1 for the broker's default */
        @WithDefault("-1")
        short replicationFactor();
    }
}
