package io.lifeboat.agent.mongo.oplog;

import java.time.Duration;

import io.lifeboat.events.backup.StorageLocation;

/**
 * How one target's oplog is captured.
 *
 * @param targetId the target
 * @param flushInterval a slice is stored at least this often while entries arrive (10 s by default)
 * @param flushEntries a slice is stored as soon as it holds this many entries (1000 by default)
 * @param pollInterval await time of the tailable cursor, and the wait before re-reading once a cursor ended
 * @param firstBackoff wait before the first retry after a failure; doubles per failure in a row
 * @param maxBackoff longest wait between retries
 * @param repeatInterval the same failure is reported at most once per this interval
 * @param location bucket and prefix of the slices, for progress reports
 */
public record OplogTailerSettings(String targetId, Duration flushInterval, int flushEntries, Duration pollInterval,
        Duration firstBackoff, Duration maxBackoff, Duration repeatInterval, StorageLocation location) {

    /** The defaults: flush every 10 s or 1000 entries, 1 s poll, 5 s to 60 s backoff, repeats once a minute. */
    public static OplogTailerSettings of(String targetId, StorageLocation location) {
        return new OplogTailerSettings(targetId, Duration.ofSeconds(10), 1000, Duration.ofSeconds(1), Duration
                .ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(1), location);
    }

    /** These settings with another flush interval and entry count. */
    public OplogTailerSettings withFlush(Duration interval, int entries) {
        return new OplogTailerSettings(targetId, interval, entries, pollInterval, firstBackoff, maxBackoff,
                repeatInterval, location);
    }

    /** These settings with another poll interval and backoff. */
    public OplogTailerSettings withTiming(Duration poll, Duration first, Duration max) {
        return new OplogTailerSettings(targetId, flushInterval, flushEntries, poll, first, max, repeatInterval,
                location);
    }

    /** The delay before the {@code n}-th retry in a row (0-based). */
    Duration backoff(int n) {
        Duration delay = firstBackoff.multipliedBy(1L << Math.min(n, 10));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
