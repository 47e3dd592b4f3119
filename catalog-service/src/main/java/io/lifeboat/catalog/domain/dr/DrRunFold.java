package io.lifeboat.catalog.domain.dr;

import java.util.List;
import java.util.Optional;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.dr.FailoverFailed;

/**
 * Folds DR facts into the run they name: the newest {@code DrRunUpdated} of a run wins, outcome facts are attached
 * whenever they come. A fold that changes nothing (a duplicate, an older state) returns empty, so nothing is written.
 */
public final class DrRunFold {

    private static final String DRILL_PREFIX = "drill-";

    private DrRunFold() {
    }

    /**
     * Tells whether the fact is one this fold keeps.
     *
     * @param fact any fact
     * @return true for run states and failover or drill outcomes
     */
    public static boolean concerns(LifeboatMessage fact) {
        return fact instanceof DrRunUpdated || fact instanceof FailoverCompleted || fact instanceof FailoverFailed
                || fact instanceof DrillCompleted;
    }

    /**
     * The id of the run a fact belongs to.
     *
     * @param fact a fact for which {@link #concerns} holds
     * @return the run id
     */
    public static String runId(LifeboatMessage fact) {
        if (fact instanceof DrRunUpdated update) {
            return update.runId();
        }
        if (fact instanceof FailoverCompleted completed) {
            return completed.failoverId();
        }
        if (fact instanceof FailoverFailed failed) {
            return failed.failoverId();
        }
        if (fact instanceof DrillCompleted drill) {
            // The orchestrator names a drill run drill-<commandId>, and reports a run started without a command
            // under its run id, which already carries the prefix.
            return drill.commandId().startsWith(DRILL_PREFIX) ? drill.commandId() : DRILL_PREFIX + drill.commandId();
        }
        throw new IllegalArgumentException("a " + fact.getClass().getSimpleName() + " names no DR run");
    }

    /**
     * Folds one fact into its run.
     *
     * @param existing the run as stored, or null when the catalog has not seen it
     * @param fact a fact for which {@link #concerns} holds
     * @return the changed run, or empty when the fact changes nothing
     */
    public static Optional<DrRun> fold(DrRun existing, LifeboatMessage fact) {
        DrRun run = existing != null ? existing : DrRun.empty(runId(fact), fact.targetId());
        DrRun folded;
        if (fact instanceof DrRunUpdated update) {
            if (!newer(run.run(), update)) {
                return Optional.empty();
            }
            folded = run.withRun(withoutTrail(update));
        } else if (fact instanceof FailoverCompleted completed) {
            folded = run.withFailover(FailoverResult.of(completed));
        } else if (fact instanceof FailoverFailed failed) {
            folded = run.withFailure(FailoverFailure.of(failed));
        } else if (fact instanceof DrillCompleted drill) {
            folded = run.withDrill(DrillResult.of(drill));
        } else {
            return Optional.empty();
        }
        return folded.equals(existing) ? Optional.empty() : Optional.of(folded);
    }

    /** A state replaces the stored one unless an older orchestrator epoch or an earlier instant wrote it. */
    private static boolean newer(DrRunUpdated stored, DrRunUpdated update) {
        if (stored == null) {
            return true;
        }
        if (update.epoch() != stored.epoch()) {
            return update.epoch() > stored.epoch();
        }
        return !update.updatedAt().isBefore(stored.updatedAt());
    }

    /** The trail grows with every step and approval; the timeline does not show it, so the store does not keep it. */
    private static DrRunUpdated withoutTrail(DrRunUpdated update) {
        return new DrRunUpdated(update.runId(), update.targetId(), update.runbookId(), update.kind(), update.mode(),
                update.dryRun(), update.status(), update.steps(), update.epoch(), update.owner(),
                update.requestedBy(), update.reason(), update.approvals(), update.lastFailoverAt(),
                update.startedAt(), update.updatedAt(), update.finishedAt(), update.outcome(), List.of(),
                update.parameters());
    }
}
