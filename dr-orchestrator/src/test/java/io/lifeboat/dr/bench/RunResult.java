package io.lifeboat.dr.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * What one failover run measured, from the outside and as the orchestrator announced it.
 *
 * @param run number of the run, from 1
 * @param writableAfter from the SIGKILL of the primary's node to the standby accepting a write
 * @param acknowledged inserts the client saw acknowledged before the kill
 * @param lost acknowledged inserts missing on the promoted standby
 * @param announced the orchestrator's FailoverCompleted, or null when none arrived
 */
public record RunResult(int run, Duration writableAfter, int acknowledged, int lost, Announced announced) {

    /** One line for the run, in the words of the Patroni side's lines. */
    public String line() {
        String measured = String.format(Locale.ROOT, "run %d: standby accepted writes %.2f s after the primary node "
                + "was killed; %d of %d acknowledged inserts lost", run, seconds(writableAfter), lost, acknowledged);
        if (announced == null) {
            return measured + "; no FailoverCompleted announced";
        }
        return measured + String.format(Locale.ROOT, "; FailoverCompleted: recovery %.2f s, estimated loss %s bytes "
                + "/ %s", seconds(announced.recoveryTime()), orUnknown(announced.dataLossBytes()),
                orUnknown(announced.dataLoss()));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String orUnknown(Object value) {
        return value == null ? "unknown" : value.toString();
    }

    /**
     * The figures of the orchestrator's FailoverCompleted.
     *
     * @param recoveryTime measured from the run's start to the new primary accepting writes
     * @param dataLossBytes WAL the new primary never received, a lower bound; null when unknown
     * @param dataLoss how far the new primary's replay was behind; null when unknown
     */
    public record Announced(Duration recoveryTime, Long dataLossBytes, Duration dataLoss) {
    }
}
