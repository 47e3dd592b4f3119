package io.lifeboat.catalog.streams;

import java.time.Duration;

/**
 * The knobs of the catalog topology, separate from Quarkus config so that tests build the same topology.
 *
 * @param rpoTick how often the wall-clock punctuator measures every target's lag
 * @param rpoPublishInterval how often an unchanged lag is published again to {@code lifeboat.rpo}
 * @param rpoRestoreRatio fraction of the RPO the lag must fall under to end a breach
 * @param retentionEnabled whether the catalog sends expire commands at all
 * @param retentionInterval how often every target's retention is re-evaluated (ages move with the clock)
 * @param expiredAudit how long an expired entry stays in the catalog before its tombstone
 * @param persistentStores whether state stores live in RocksDB (true) or in memory (both log to a changelog)
 * @param catchUpThreshold how far behind the wall clock a fact may be before the task counts as catching up on a
 *        backlog, during which no RPO breach edge fires
 */
public record TopologySettings(Duration rpoTick, Duration rpoPublishInterval, double rpoRestoreRatio,
        boolean retentionEnabled, Duration retentionInterval, Duration expiredAudit, boolean persistentStores,
        Duration catchUpThreshold) {

    /**
     * Settings for tests: ticks every second, publishes every 30 s, retention every hour, RocksDB stores.
     *
     * @return the settings
     */
    public static TopologySettings defaults() {
        return new TopologySettings(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.8, true, Duration.ofHours(1),
                Duration.ofDays(400), true, Duration.ofMinutes(1));
    }
}
