package io.lifeboat.dr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lifeboat.events.dr.DrillCompleted;

/**
 * Whether a drill passed: every data check passed and the measured restore time was at most 1.2 times the RTO; with
 * the measured RPO (the drill's start minus the instant the restored data is consistent to).
 *
 * @param passed whether the drill passed
 * @param failure {@code rto_exceeded} or {@code data_check_failed}; null when passed
 * @param reason the verdict in words, naming the failed checks and the times
 * @param restoreTime measured time from the start of the restore to the instance accepting queries
 * @param rto recovery time objective of the target's policy
 * @param measuredRpo the drill's start minus the restored point: the data a real recovery would have lost
 */
public record DrillVerdict(boolean passed, String failure, String reason, Duration restoreTime, Duration rto,
        Duration measuredRpo) {

    /** Failure code when the restore took longer than the RTO allows. */
    public static final String RTO_EXCEEDED = "rto_exceeded";
    /** Failure code when a data check of the restored instance failed. */
    public static final String DATA_CHECK_FAILED = "data_check_failed";

    /**
     * Judges a drill.
     *
     * @param restoreTime measured restore time
     * @param rto recovery time objective
     * @param checks data checks run against the restored instance
     * @param newestBackupAt the instant the restored data is consistent to (the newest backup, or the replay end)
     * @param drillStartedAt when the drill started
     * @return the verdict; a failed check outranks an exceeded RTO as the failure code, the reason names both
     */
    public static DrillVerdict judge(Duration restoreTime, Duration rto, List<DataCheck> checks, Instant newestBackupAt,
            Instant drillStartedAt) {
        // 1.2 x RTO, the tolerance the seeds alert on, compared exactly as 5 x measured against 6 x RTO.
        boolean rtoExceeded = restoreTime.multipliedBy(5).compareTo(rto.multipliedBy(6)) > 0;
        List<String> failedChecks = checks.stream().filter(check -> !check.passed())
                .map(check -> check.name() + (check.detail() == null ? "" : " (" + check.detail() + ")")).toList();
        Duration rpo = Duration.between(newestBackupAt, drillStartedAt);
        String times = "restore took " + restoreTime + " against an RTO of " + rto + " (limit " + rto.multipliedBy(6)
                .dividedBy(5) + "); the restored point was " + rpo + " old";
        if (!failedChecks.isEmpty()) {
            return new DrillVerdict(false, DATA_CHECK_FAILED, "data checks failed: " + String.join(", ", failedChecks)
                    + (rtoExceeded ? "; also rto_exceeded" : "") + "; " + times, restoreTime, rto, rpo);
        }
        if (rtoExceeded) {
            return new DrillVerdict(false, RTO_EXCEEDED, RTO_EXCEEDED + ": " + times, restoreTime, rto, rpo);
        }
        return new DrillVerdict(true, null, "passed: " + checks.size() + " data checks passed; " + times, restoreTime,
                rto, rpo);
    }

    /**
     * Builds the fact to publish for this verdict.
     *
     * @param commandId id of the StartDrill that asked for the drill
     * @param targetId id of the target
     * @param backupId backup that was restored
     * @param startedAt when the drill started
     * @param completedAt when it finished
     * @param restoredTo the instant the restored data is consistent to; null when unknown
     * @return the DrillCompleted fact with the measured RPO, carrying the reason as failure reason when the drill
     *         failed
     */
    public DrillCompleted toFact(String commandId, String targetId, String backupId, Instant startedAt,
            Instant completedAt, Instant restoredTo) {
        return new DrillCompleted(commandId, targetId, backupId, passed, restoreTime, rto, passed ? null : reason,
                startedAt, completedAt, measuredRpo, restoredTo);
    }
}
