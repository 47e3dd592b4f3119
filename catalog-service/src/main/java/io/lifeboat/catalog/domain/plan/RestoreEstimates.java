package io.lifeboat.catalog.domain.plan;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The figures a restore plan's RTO estimate rests on. They are rough and configurable: retrieval delays are the
 * object store's documented typical times, not guarantees, and the default rate and replay ratio are planning
 * figures to be replaced by what a target's own restores measured.
 *
 * @param retrievalDelays time before an artifact in a storage class can be read, by upper-case class name; a class
 *        not listed has none
 * @param defaultRestoreBytesPerSecond transfer rate used while a target has no measured restore rate
 * @param logReplayRatio replay time per unit of log time, e.g. 0.05: an hour of log replays in three minutes
 */
public record RestoreEstimates(Map<String, Duration> retrievalDelays, double defaultRestoreBytesPerSecond,
        double logReplayRatio) {

    /** 100 MiB/s, a plain download and unpack from an object store in the same region. */
    public static final double DEFAULT_BYTES_PER_SECOND = 100.0 * 1024 * 1024;

    /**
     * Validates the figures and normalizes the class names.
     */
    public RestoreEstimates {
        if (!(defaultRestoreBytesPerSecond > 0)) {
            throw new IllegalArgumentException(
                    "RestoreEstimates.defaultRestoreBytesPerSecond must be positive, got "
                            + defaultRestoreBytesPerSecond);
        }
        if (!(logReplayRatio >= 0)) {
            throw new IllegalArgumentException(
                    "RestoreEstimates.logReplayRatio must not be negative, got " + logReplayRatio);
        }
        Map<String, Duration> byClass = new HashMap<>();
        retrievalDelays.forEach((storageClass, delay) -> {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException(
                        "RestoreEstimates retrieval delay of " + storageClass + " must not be negative, got " + delay);
            }
            byClass.put(StorageClasses.normalize(storageClass), delay);
        });
        retrievalDelays = Map.copyOf(byClass);
    }

    /**
     * The defaults: GLACIER 5 h (standard retrieval takes 3-5 h), DEEP_ARCHIVE 12 h, every other class none,
     * 100 MiB/s, and a replay ratio of 0.05.
     *
     * @return the default figures
     */
    public static RestoreEstimates defaults() {
        return new RestoreEstimates(Map.of("GLACIER", Duration.ofHours(5), "DEEP_ARCHIVE", Duration.ofHours(12)),
                DEFAULT_BYTES_PER_SECOND, 0.05);
    }

    /**
     * The retrieval delay of a storage class.
     *
     * @param storageClass the class, any case, or null
     * @return its delay, zero when none is configured
     */
    public Duration retrievalDelay(String storageClass) {
        return retrievalDelays.getOrDefault(StorageClasses.normalize(storageClass), Duration.ZERO);
    }
}
