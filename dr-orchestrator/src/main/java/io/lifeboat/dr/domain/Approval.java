package io.lifeboat.dr.domain;

import java.time.Instant;

import io.lifeboat.events.Require;

/**
 * A person's approval of one step of a run, a link of the run's approval chain.
 *
 * @param approverId id of the user who approved
 * @param at instant of the approval
 * @param stepId id of the step that was approved
 */
public record Approval(String approverId, Instant at, String stepId) {

    /**
     * Validates approver, instant and step.
     */
    public Approval {
        Require.nonBlank(approverId, "Approval.approverId");
        Require.nonNull(at, "Approval.at");
        Require.nonBlank(stepId, "Approval.stepId");
    }
}
