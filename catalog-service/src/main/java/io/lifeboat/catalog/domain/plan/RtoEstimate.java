package io.lifeboat.catalog.domain.plan;

import java.time.Duration;

/**
 * How long a restore is expected to take, by phase; retrieval, transfer and replay run one after the other.
 *
 * @param retrieval wait for cold storage classes to make the artifacts readable (the longest step's delay)
 * @param transfer download and unpacking of every step at the restore rate
 * @param replay replay of archived log
 * @param total sum of the three
 */
public record RtoEstimate(Duration retrieval, Duration transfer, Duration replay, Duration total) {

    /**
     * Adds the phases up.
     *
     * @param retrieval retrieval wait
     * @param transfer transfer time
     * @param replay replay time
     * @return the estimate
     */
    public static RtoEstimate of(Duration retrieval, Duration transfer, Duration replay) {
        return new RtoEstimate(retrieval, transfer, replay, retrieval.plus(transfer).plus(replay));
    }
}
