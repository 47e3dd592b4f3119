package io.lifeboat.dr.domain;

import java.time.Instant;

import io.lifeboat.events.Require;

/**
 * A request to run a runbook against a target, e.g. from a quorum verdict, a {@code StartFailover} or a
 * {@code StartDrill}.
 *
 * @param runId id of the run; a redelivered request with the same id resumes the same run
 * @param targetId id of the target
 * @param runbook the runbook to run
 * @param mode how the run proceeds
 * @param dryRun whether steps are only reported, never executed
 * @param requestedBy user or system that asked
 * @param reason why, e.g. the quorum verdict or an operator's note
 * @param at instant of the request
 */
public record RunRequest(String runId, String targetId, Runbook runbook, RunMode mode, boolean dryRun,
        String requestedBy, String reason, Instant at) {

    /**
     * Validates ids, runbook, mode, requester and instant.
     */
    public RunRequest {
        Require.nonBlank(runId, "RunRequest.runId");
        Require.nonBlank(targetId, "RunRequest.targetId");
        Require.nonNull(runbook, "RunRequest.runbook");
        Require.nonNull(mode, "RunRequest.mode");
        Require.nonBlank(requestedBy, "RunRequest.requestedBy");
        Require.nonNull(at, "RunRequest.at");
    }
}
