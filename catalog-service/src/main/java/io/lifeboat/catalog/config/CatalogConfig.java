package io.lifeboat.catalog.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The catalog service's settings, {@code lifeboat.catalog.*}.
 */
@ConfigMapping(prefix = "lifeboat.catalog")
public interface CatalogConfig {

    /** @return RPO measurement settings */
    Rpo rpo();

    /** @return retention settings */
    Retention retention();

    /** @return topic provisioning settings */
    Topics topics();

    /** @return restore-plan estimate settings */
    Estimates estimates();

    /** @return Prometheus metrics settings */
    Metrics metrics();

    /** @return whether state stores live in RocksDB (true) or in memory; both are backed by changelog topics */
    @WithDefault("true")
    boolean persistentStores();

    /** RPO lag measurement. */
    interface Rpo {
        /** @return how often the wall-clock punctuator measures every target */
        @WithDefault("5s")
        Duration tick();

        /** @return how often an unchanged lag is published again */
        @WithDefault("60s")
        Duration publishInterval();

        /** @return fraction of the RPO the lag must fall under to end a breach (hysteresis) */
        @WithDefault("0.8")
        double restoreRatio();

        /** @return how far behind the clock a fact may be before breach edges wait for the backlog to be folded */
        @WithDefault("60s")
        Duration catchUpThreshold();
    }

    /** Retention decisions. */
    interface Retention {
        /** @return whether the catalog sends expire commands (tags and tiers are computed either way) */
        @WithDefault("true")
        boolean enabled();

        /** @return how often every target's retention is evaluated again as its backups age */
        @WithDefault("1h")
        Duration interval();

        /** @return how long an expired backup's entry stays in the catalog for audit before its tombstone */
        @WithDefault("400d")
        Duration expiredAudit();
    }

    /** Creation of the topics the catalog reads and writes. */
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

    /** Inputs of the restore plan's RTO estimate. */
    interface Estimates {
        /** @return retrieval delay per storage class before a download can start, e.g. GLACIER=5h */
        Map<String, Duration> retrievalDelay();

        /** @return restore throughput assumed until a restore of the target has been measured, bytes per second */
        @WithDefault("104857600")
        double restoreBytesPerSecond();

        /** @return time to replay archived log as a fraction of the time span it covers */
        @WithDefault("0.05")
        double logReplayRatio();
    }

    /** The per-target gauges on {@code /q/metrics}. */
    interface Metrics {
        /** @return how often the gauges are computed again from this instance's stores */
        @WithDefault("10s")
        Duration refresh();
    }
}
