package io.lifeboat.catalog.rest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.lifeboat.catalog.domain.dr.DrOutcomes;
import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.events.dr.DrRunStep;

/**
 * Shapes stored DR runs into the timeline's views: newest first, with kind badge, current step and outcome summary.
 */
public final class DrRunViews {

    private static final Comparator<DrRunView> NEWEST_FIRST = Comparator
            .comparing(DrRunView::startedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(DrRunView::runId);

    private DrRunViews() {
    }

    /**
     * The newest runs first.
     *
     * @param runs stored runs
     * @param limit at most this many
     * @return the views
     */
    public static List<DrRunView> newestFirst(List<DrRun> runs, int limit) {
        return runs.stream().map(DrRunViews::of).sorted(NEWEST_FIRST).limit(Math.max(0, limit)).toList();
    }

    /**
     * One run's view.
     *
     * @param run the stored run
     * @return its view
     */
    public static DrRunView of(DrRun run) {
        String state = run.status();
        List<DrStepView> steps = run.run() == null
                ? List.of()
                : run.run().steps().stream().map(DrRunViews::step).toList();
        return new DrRunView(run.runId(), kind(run), run.targetId(), state, run.run() != null && run.run().dryRun(),
                "AWAITING_APPROVAL".equals(state), run.started(), run.finished(),
                DrOutcomes.currentStep(run).map(DrRunStep::id).orElse(null), steps, DrOutcomes.summary(run),
                run.run() == null ? List.of() : run.run().approvals());
    }

    /**
     * The timeline's name of a run's kind.
     *
     * @param run the stored run
     * @return failover, restore, recovery or drill (or the orchestrator's kind in lower case when new)
     */
    static String kind(DrRun run) {
        String kind = run.run() != null ? run.run().kind() : kindOfId(run);
        return switch (kind) {
            case "FAILOVER" -> "failover";
            case "RESTORE" -> "restore";
            case "COMPLETE_FAILURE" -> "recovery";
            case "DRILL" -> "drill";
            default -> kind.toLowerCase(Locale.ROOT);
        };
    }

    /** Before its state arrives, a run is known by its outcome fact or by the orchestrator's id prefix. */
    private static String kindOfId(DrRun run) {
        if (run.failover() != null || run.failure() != null || run.runId().startsWith("failover-")) {
            return "FAILOVER";
        }
        if (run.drill() != null || run.runId().startsWith("drill-")) {
            return "DRILL";
        }
        if (run.runId().startsWith("recovery-")) {
            return "COMPLETE_FAILURE";
        }
        return run.runId().startsWith("restore-") ? "RESTORE" : "UNKNOWN";
    }

    private static DrStepView step(DrRunStep step) {
        return new DrStepView(step.id(), step.description(), step.status(), step.needsApproval(), step.startedAt(),
                step.finishedAt(), step.note());
    }
}
