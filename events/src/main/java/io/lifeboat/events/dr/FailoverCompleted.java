package io.lifeboat.events.dr;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A failover runbook finished: the target serves writes from its new primary and the old one is fenced.
 *
 * @param failoverId id of this failover run
 * @param runbookId id of the runbook that was executed
 * @param targetId id of the target that was failed over
 * @param commandId id of the {@link StartFailover} that asked for it; absent for an automatic failover (optional)
 * @param fencedPrimary instance that was fenced before the promotion (optional)
 * @param newPrimary instance that now accepts writes
 * @param recoveryTime measured time from detection or request to the new primary accepting writes
 * @param rto recovery time objective of the target's policy
 * @param startedAt instant the runbook started
 * @param completedAt instant the runbook finished
 * @param dataLossBytes WAL the old primary had written that the new one never received, a lower bound (optional)
 * @param dataLoss how far the new primary's replay was behind when the old one was lost (optional)
 */
public record FailoverCompleted(String failoverId, String runbookId, String targetId, String commandId,
        String fencedPrimary, String newPrimary, Duration recoveryTime, Duration rto, Instant startedAt,
        Instant completedAt, Long dataLossBytes, Duration dataLoss) implements LifeboatMessage {

    /**
     * Validates ids, instances, durations and times.
     */
    public FailoverCompleted {
        Require.nonBlank(failoverId, "FailoverCompleted.failoverId");
        Require.nonBlank(runbookId, "FailoverCompleted.runbookId");
        Require.nonBlank(targetId, "FailoverCompleted.targetId");
        Require.nonBlank(newPrimary, "FailoverCompleted.newPrimary");
        Require.nonNull(recoveryTime, "FailoverCompleted.recoveryTime");
        Require.nonNull(rto, "FailoverCompleted.rto");
        Require.nonNull(startedAt, "FailoverCompleted.startedAt");
        Require.nonNull(completedAt, "FailoverCompleted.completedAt");
    }

    /**
     * Creates the record without a data-loss estimate.
     *
     * @param failoverId id of this failover run
     * @param runbookId id of the runbook that was executed
     * @param targetId id of the target that was failed over
     * @param commandId id of the StartFailover that asked for it (optional)
     * @param fencedPrimary instance that was fenced before the promotion (optional)
     * @param newPrimary instance that now accepts writes
     * @param recoveryTime measured time to the new primary accepting writes
     * @param rto recovery time objective of the target's policy
     * @param startedAt instant the runbook started
     * @param completedAt instant the runbook finished
     */
    public FailoverCompleted(String failoverId, String runbookId, String targetId, String commandId,
            String fencedPrimary, String newPrimary, Duration recoveryTime, Duration rto, Instant startedAt,
            Instant completedAt) {
        this(failoverId, runbookId, targetId, commandId, fencedPrimary, newPrimary, recoveryTime, rto, startedAt,
                completedAt, null, null);
    }
}
