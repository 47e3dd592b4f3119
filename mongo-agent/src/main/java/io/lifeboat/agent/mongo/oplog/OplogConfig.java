package io.lifeboat.agent.mongo.oplog;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Settings shared by every target's continuous oplog capture ({@code lifeboat.mongo.oplog.*}); the per-target switches
 * ({@code lifeboat.mongo.targets.<id>.continuous-oplog}, {@code .oplog.flush-interval}, {@code .oplog.flush-entries},
 * {@code .uri}) are read by {@link OplogCapture}.
 */
@ConfigMapping(prefix = "lifeboat.mongo.oplog")
public interface OplogConfig {

    /** A slice is stored at least this often while entries arrive, unless the target says otherwise. */
    @WithDefault("10s")
    Duration flushInterval();

    /** A slice is stored as soon as it holds this many entries, unless the target says otherwise. */
    @WithDefault("1000")
    int flushEntries();

    /** Await time of the tailable cursor, and the wait before re-reading once a cursor ended. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Wait before the first retry after a failure; doubles per failure in a row. */
    @WithDefault("5s")
    Duration firstBackoff();

    /** Longest wait between retries. */
    @WithDefault("60s")
    Duration maxBackoff();

    /** How long the driver looks for a reachable server before an operation fails (then: SOURCE_UNAVAILABLE). */
    @WithDefault("10s")
    Duration serverSelectionTimeout();
}
