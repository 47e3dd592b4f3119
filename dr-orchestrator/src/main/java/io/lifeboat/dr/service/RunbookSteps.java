package io.lifeboat.dr.service;

import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.RunState;

/**
 * Hands each step to the executor of its run's kind: failovers, restores into a new instance, drills and
 * complete-failure recoveries of a group.
 */
public final class RunbookSteps implements StepExecutor {

    private final StepExecutor failover;
    private final StepExecutor restore;
    private final StepExecutor drill;
    private final StepExecutor group;

    /**
     * Creates the router.
     *
     * @param failover the failover steps
     * @param restore the restore steps
     * @param drill the drill steps
     * @param group the complete-failure steps of a recovery group
     */
    public RunbookSteps(StepExecutor failover, StepExecutor restore, StepExecutor drill, StepExecutor group) {
        this.failover = failover;
        this.restore = restore;
        this.drill = drill;
        this.group = group;
    }

    @Override
    public StepOutcome execute(TargetSettings target, RunState run, String stepId, String primary) {
        return switch (run.kind()) {
            case FAILOVER -> failover.execute(target, run, stepId, primary);
            case RESTORE -> restore.execute(target, run, stepId, primary);
            case DRILL -> drill.execute(target, run, stepId, primary);
            case COMPLETE_FAILURE -> group.execute(target, run, stepId, primary);
        };
    }
}
