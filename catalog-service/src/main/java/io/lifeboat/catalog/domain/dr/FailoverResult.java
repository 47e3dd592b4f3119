package io.lifeboat.catalog.domain.dr;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.dr.FailoverCompleted;

/**
 * What a completed failover achieved, as its {@code FailoverCompleted} reported it.
 *
 * @param newPrimary instance that now accepts writes
 * @param fencedPrimary instance fenced before the promotion (optional)
 * @param recoveryTime time to the new primary accepting writes
 * @param rto the target's recovery time objective
 * @param dataLossBytes WAL the new primary never received, a lower bound (optional)
 * @param dataLoss how far the new primary's replay was behind (optional)
 * @param startedAt instant the runbook started
 * @param completedAt instant the runbook finished
 */
public record FailoverResult(String newPrimary, String fencedPrimary, Duration recoveryTime, Duration rto,
        Long dataLossBytes, Duration dataLoss, Instant startedAt, Instant completedAt) {

    /**
     * Takes the result from the fact.
     *
     * @param fact the completed failover
     * @return its result
     */
    public static FailoverResult of(FailoverCompleted fact) {
        return new FailoverResult(fact.newPrimary(), fact.fencedPrimary(), fact.recoveryTime(), fact.rto(),
                fact.dataLossBytes(), fact.dataLoss(), fact.startedAt(), fact.completedAt());
    }
}
