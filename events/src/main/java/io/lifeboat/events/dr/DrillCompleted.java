package io.lifeboat.events.dr;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * A recovery drill finished, passed or not, with the measured restore time set against the target's RTO.
 *
 * @param commandId id of the {@link StartDrill} that asked for the drill
 * @param targetId id of the target whose recovery was rehearsed
 * @param backupId backup that was restored
 * @param passed whether the restore succeeded and every data check passed
 * @param restoreTime measured time from the start of the restore to the scratch instance accepting queries
 * @param rto recovery time objective of the target's policy
 * @param failureReason what went wrong when the drill did not pass (optional)
 * @param startedAt instant the drill started
 * @param completedAt instant the drill finished
 * @param measuredRpo the data a real recovery from the same point would have lost: the drill's start minus the
 *        instant the restored data is consistent to (optional)
 * @param restoredTo instant the restored data is consistent to (optional)
 */
public record DrillCompleted(String commandId, String targetId, String backupId, boolean passed,
        Duration restoreTime, Duration rto, String failureReason, Instant startedAt, Instant completedAt,
        Duration measuredRpo, Instant restoredTo)
        implements
            LifeboatMessage {

    /**
     * Validates ids, durations and times, and requires a reason for a failed drill.
     */
    public DrillCompleted {
        Require.nonBlank(commandId, "DrillCompleted.commandId");
        Require.nonBlank(targetId, "DrillCompleted.targetId");
        Require.nonBlank(backupId, "DrillCompleted.backupId");
        Require.nonNull(restoreTime, "DrillCompleted.restoreTime");
        Require.nonNull(rto, "DrillCompleted.rto");
        if (!passed) {
            Require.nonBlank(failureReason, "DrillCompleted.failureReason");
        }
        Require.nonNull(startedAt, "DrillCompleted.startedAt");
        Require.nonNull(completedAt, "DrillCompleted.completedAt");
    }

    /**
     * Creates a drill outcome without the recovery point, as published before it was measured.
     *
     * @param commandId id of the StartDrill
     * @param targetId id of the target
     * @param backupId backup that was restored
     * @param passed whether the drill passed
     * @param restoreTime measured restore time
     * @param rto recovery time objective
     * @param failureReason what went wrong, for a failed drill
     * @param startedAt instant the drill started
     * @param completedAt instant the drill finished
     */
    public DrillCompleted(String commandId, String targetId, String backupId, boolean passed, Duration restoreTime,
            Duration rto, String failureReason, Instant startedAt, Instant completedAt) {
        this(commandId, targetId, backupId, passed, restoreTime, rto, failureReason, startedAt, completedAt, null,
                null);
    }

    /**
     * Tells whether the measured restore time met the recovery time objective.
     *
     * @return {@code true} when the restore time is at most the RTO
     */
    public boolean withinRto() {
        return restoreTime.compareTo(rto) <= 0;
    }
}
