package io.lifeboat.dr.domain;

import java.time.Instant;

import io.lifeboat.events.Require;

/**
 * What an executor reports about a step, stamped with the fencing epoch it executed under.
 *
 * @param stepId id of the step
 * @param epoch epoch of the run when the executor was told to execute the step
 * @param at instant of the report
 * @param detail what happened: the result, or the error of a failure
 */
public record StepReport(String stepId, long epoch, Instant at, String detail) {

    /**
     * Validates step and instant.
     */
    public StepReport {
        Require.nonBlank(stepId, "StepReport.stepId");
        Require.nonNull(at, "StepReport.at");
    }
}
