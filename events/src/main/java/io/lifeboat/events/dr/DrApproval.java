package io.lifeboat.events.dr;

import java.time.Instant;

import io.lifeboat.events.Require;

/**
 * A person's approval of one step of a DR run, a link of its approval chain.
 *
 * @param approverId id of the user who approved
 * @param stepId id of the step approved
 * @param at instant of the approval
 */
public record DrApproval(String approverId, String stepId, Instant at) {

    /**
     * Validates approver, step and instant.
     */
    public DrApproval {
        Require.nonBlank(approverId, "DrApproval.approverId");
        Require.nonBlank(stepId, "DrApproval.stepId");
        Require.nonNull(at, "DrApproval.at");
    }
}
