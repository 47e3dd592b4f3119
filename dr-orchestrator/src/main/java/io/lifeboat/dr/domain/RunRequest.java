package io.lifeboat.dr.domain;

import java.time.Instant;
import java.util.Map;

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
 * @param parameters what the run is asked to do beyond its runbook, e.g. a restore's point in time
 */
public record RunRequest(String runId, String targetId, Runbook runbook, RunMode mode, boolean dryRun,
        String requestedBy, String reason, Instant at, Map<String, String> parameters) {

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
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /**
     * Creates a request without parameters, e.g. a failover.
     *
     * @param runId id of the run
     * @param targetId id of the target
     * @param runbook the runbook to run
     * @param mode how the run proceeds
     * @param dryRun whether steps are only reported
     * @param requestedBy user or system that asked
     * @param reason why
     * @param at instant of the request
     */
    public RunRequest(String runId, String targetId, Runbook runbook, RunMode mode, boolean dryRun,
            String requestedBy, String reason, Instant at) {
        this(runId, targetId, runbook, mode, dryRun, requestedBy, reason, at, Map.of());
    }
}
