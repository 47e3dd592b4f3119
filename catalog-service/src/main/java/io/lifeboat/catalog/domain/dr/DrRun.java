package io.lifeboat.catalog.domain.dr;

import java.time.Instant;
import java.util.Set;

import io.lifeboat.events.dr.DrRunUpdated;

/**
 * What the catalog keeps of one DR run: the newest state the orchestrator published (without its audit trail, which
 * stays on {@code lifeboat.dr.runs}) and the outcome facts of {@code lifeboat.dr.events} that name the run. Either
 * side may arrive first, since the two topics are read independently.
 *
 * @param runId id of the run, e.g. {@code failover-<commandId>}
 * @param targetId id of the target (or recovery group) the run works on
 * @param run the newest published state, null until it arrives
 * @param failover the completed failover's result (optional)
 * @param drill the completed drill's result (optional)
 * @param failure where a failover stopped (optional)
 */
public record DrRun(String runId, String targetId, DrRunUpdated run, FailoverResult failover, DrillResult drill,
        FailoverFailure failure) {

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    /**
     * A run known from nothing yet.
     *
     * @param runId id of the run
     * @param targetId id of the target
     * @return the empty run
     */
    public static DrRun empty(String runId, String targetId) {
        return new DrRun(runId, targetId, null, null, null, null);
    }

    DrRun withRun(DrRunUpdated value) {
        return new DrRun(runId, targetId, value, failover, drill, failure);
    }

    DrRun withFailover(FailoverResult value) {
        return new DrRun(runId, targetId, run, value, drill, failure);
    }

    DrRun withDrill(DrillResult value) {
        return new DrRun(runId, targetId, run, failover, value, failure);
    }

    DrRun withFailure(FailoverFailure value) {
        return new DrRun(runId, targetId, run, failover, drill, value);
    }

    /**
     * The run's status, or the one its outcome facts imply while its state has not arrived.
     *
     * @return PENDING, AWAITING_APPROVAL, RUNNING, COMPLETED, FAILED, CANCELLED, or UNKNOWN
     */
    public String status() {
        if (run != null) {
            return run.status();
        }
        if (failure != null || drill != null && !drill.passed()) {
            return "FAILED";
        }
        return failover != null || drill != null ? "COMPLETED" : "UNKNOWN";
    }

    /**
     * When the run started, from its state or else from its outcome.
     *
     * @return the instant, or null when nothing says
     */
    public Instant started() {
        if (run != null) {
            return run.startedAt();
        }
        if (failover != null) {
            return failover.startedAt();
        }
        return drill != null ? drill.startedAt() : failure == null ? null : failure.failedAt();
    }

    /**
     * When the run ended, from its state or else from its outcome.
     *
     * @return the instant, or null while it runs
     */
    public Instant finished() {
        if (run != null) {
            return run.finishedAt() != null || !ENDED.contains(run.status()) ? run.finishedAt() : run.updatedAt();
        }
        if (failover != null) {
            return failover.completedAt();
        }
        return drill != null ? drill.completedAt() : failure == null ? null : failure.failedAt();
    }
}
