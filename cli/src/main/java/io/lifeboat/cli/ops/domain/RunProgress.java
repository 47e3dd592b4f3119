package io.lifeboat.cli.ops.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.DrRunStep;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.dr.FailoverFailed;

/** Where a DR run stands, as the waiting verbs show it: a bar over its steps, and whether waiting is over. */
public final class RunProgress {

    /** The run status after which the orchestrator does nothing more on its own. */
    public static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
    /** The run status in which the orchestrator waits for a person. */
    public static final String AWAITING_APPROVAL = "AWAITING_APPROVAL";

    private static final int WIDTH = 10;
    private static final Set<String> FINISHED_STEP = Set.of("DONE", "SKIPPED");

    private RunProgress() {
    }

    /** Whether a run in this status will not change again by itself. */
    public static boolean terminal(String status) {
        return TERMINAL.contains(status);
    }

    /** Whether waiting for a run in this status is over: it ended, or it waits for an approval. */
    public static boolean settled(String status) {
        return terminal(status) || AWAITING_APPROVAL.equals(status);
    }

    /** A bar of {@code width} cells, {@code done} of {@code total} filled, e.g. {@code [####------]}. */
    public static String bar(long done, long total, int width) {
        long filled = total <= 0 ? 0 : Math.min(width, Math.max(0, done * width / total));
        return "[" + "#".repeat((int) filled) + "-".repeat(width - (int) filled) + "]";
    }

    /** The run's progress, e.g. {@code [#####-----] 3/6 await-restore (42 s)}. */
    public static String line(DrRunUpdated run, long elapsedSeconds) {
        List<DrRunStep> steps = run.steps();
        long done = steps.stream().filter(s -> FINISHED_STEP.contains(s.status())).count();
        String current = current(run).map(DrRunStep::id).orElse(run.status());
        String status = "RUNNING".equals(run.status()) ? "" : " " + run.status();
        return bar(done, steps.size(), WIDTH) + " " + done + "/" + steps.size() + " " + current + status + " ("
                + elapsedSeconds + " s)";
    }

    /** The step the run is at: the running or failed one, else the first not yet finished. */
    public static Optional<DrRunStep> current(DrRunUpdated run) {
        return run.steps().stream().filter(s -> "RUNNING".equals(s.status()) || "FAILED".equals(s.status()))
                .findFirst()
                .or(() -> run.steps().stream().filter(s -> !FINISHED_STEP.contains(s.status())).findFirst());
    }

    /** Why a run failed or was cancelled: its failed step and that step's note, else the run's outcome. */
    public static String failure(DrRunUpdated run) {
        Optional<DrRunStep> failed = run.steps().stream().filter(s -> "FAILED".equals(s.status())).findFirst();
        if (failed.isPresent()) {
            DrRunStep step = failed.get();
            return "step '" + step.id() + "' failed" + (step.note() == null ? "" : ": " + step.note());
        }
        return run.outcome() == null ? "the run records no reason" : run.outcome();
    }

    /** Whether a fact on lifeboat.dr.events is the orchestrator's refusal of the command {@code commandId}. */
    public static boolean isRefusalOf(LifeboatMessage fact, String commandId) {
        return fact instanceof DrCommandRefused refused && refused.commandId().equals(commandId);
    }

    /** Whether a fact on lifeboat.dr.events is the outcome of the run {@code runId} ({@code kind-commandId}). */
    public static boolean isOutcomeOf(LifeboatMessage fact, String runId) {
        String commandId = runId.substring(runId.indexOf('-') + 1);
        if (fact instanceof DrillCompleted drill) {
            return drill.commandId().equals(commandId);
        }
        if (fact instanceof FailoverCompleted done) {
            return runId.equals(done.failoverId()) || commandId.equals(done.commandId());
        }
        if (fact instanceof FailoverFailed failed) {
            return runId.equals(failed.failoverId()) || commandId.equals(failed.commandId());
        }
        return false;
    }
}
