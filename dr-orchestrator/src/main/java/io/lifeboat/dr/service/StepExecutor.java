package io.lifeboat.dr.service;

import io.lifeboat.dr.config.TargetSettings;
import io.lifeboat.dr.domain.RunState;

/**
 * Executes the steps of a runbook; every step is idempotent, because a step RUNNING at a crash is executed again.
 */
public interface StepExecutor {

    /**
     * Executes one step of a run.
     *
     * @param target the target's settings
     * @param run the run, with the step RUNNING
     * @param stepId the step to execute
     * @param primary the member the orchestrator takes as the target's primary
     * @return how the step ended, or that it still waits
     */
    StepOutcome execute(TargetSettings target, RunState run, String stepId, String primary);
}
