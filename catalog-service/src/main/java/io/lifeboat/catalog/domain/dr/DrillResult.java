package io.lifeboat.catalog.domain.dr;

import java.time.Duration;
import java.time.Instant;

import io.lifeboat.events.dr.DrillCompleted;

/**
 * How a drill went, as its {@code DrillCompleted} reported it.
 *
 * @param backupId backup that was restored
 * @param passed whether the restore succeeded and every data check passed
 * @param restoreTime measured time to the scratch instance accepting queries
 * @param rto the target's recovery time objective
 * @param failureReason what went wrong when the drill did not pass (optional)
 * @param startedAt instant the drill started
 * @param completedAt instant the drill finished
 */
public record DrillResult(String backupId, boolean passed, Duration restoreTime, Duration rto, String failureReason,
        Instant startedAt, Instant completedAt) {

    /**
     * Takes the result from the fact.
     *
     * @param fact the completed drill
     * @return its result
     */
    public static DrillResult of(DrillCompleted fact) {
        return new DrillResult(fact.backupId(), fact.passed(), fact.restoreTime(), fact.rto(), fact.failureReason(),
                fact.startedAt(), fact.completedAt());
    }

    /**
     * Tells whether the restore was at most the RTO.
     *
     * @return true when within the RTO
     */
    public boolean withinRto() {
        return restoreTime.compareTo(rto) <= 0;
    }
}
