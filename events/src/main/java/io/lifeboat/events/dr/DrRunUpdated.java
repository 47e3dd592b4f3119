package io.lifeboat.events.dr;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * The state of a target's latest DR run (failover, restore, complete-failure recovery or drill), written before
 * every step it executes: an orchestrator that restarts resumes from it, dashboards and the CLI read it. The newest
 * value per target on the compacted topic is the run in force.
 *
 * @param runId id of the run
 * @param targetId id of the target
 * @param runbookId id of the runbook, e.g. {@code postgres-primary-failure}
 * @param kind FAILOVER, RESTORE, COMPLETE_FAILURE or DRILL
 * @param mode AUTOMATIC, MANUAL or RESTORE_ONLY
 * @param dryRun whether the run only reports what it would do
 * @param status PENDING, AWAITING_APPROVAL, RUNNING, COMPLETED, FAILED or CANCELLED
 * @param steps every step of the runbook with where it stands
 * @param epoch fencing epoch: raised each time an orchestrator instance takes the run over; reports with an older
 *        epoch are refused
 * @param owner the orchestrator instance running it (optional)
 * @param requestedBy who or what started the run: a user, a service, the health quorum
 * @param reason why the run was started
 * @param approvals the approval chain: approver, step and instant of each approval
 * @param lastFailoverAt instant the target's primary was last fenced, the start of its hold-down (optional)
 * @param startedAt instant the run started
 * @param updatedAt instant of this state
 * @param finishedAt instant the run ended (optional)
 * @param outcome how it ended, in words (optional)
 * @param trail the audit trail: who did what, when
 * @param parameters what the run was asked to do beyond its runbook, e.g. {@code scenario}, {@code pointInTime},
 *        {@code backupId}, {@code destination} of a restore (optional)
 */
public record DrRunUpdated(String runId, String targetId, String runbookId, String kind, String mode, boolean dryRun,
        String status, List<DrRunStep> steps, long epoch, String owner, String requestedBy, String reason,
        List<DrApproval> approvals, Instant lastFailoverAt, Instant startedAt, Instant updatedAt, Instant finishedAt,
        String outcome, List<DrAuditEntry> trail, Map<String, String> parameters) implements LifeboatMessage {

    /**
     * Validates ids, status and times.
     */
    public DrRunUpdated {
        Require.nonBlank(runId, "DrRunUpdated.runId");
        Require.nonBlank(targetId, "DrRunUpdated.targetId");
        Require.nonBlank(runbookId, "DrRunUpdated.runbookId");
        Require.nonBlank(kind, "DrRunUpdated.kind");
        Require.nonBlank(mode, "DrRunUpdated.mode");
        Require.nonBlank(status, "DrRunUpdated.status");
        steps = Require.listOf(steps);
        Require.nonNegative(epoch, "DrRunUpdated.epoch");
        Require.nonBlank(requestedBy, "DrRunUpdated.requestedBy");
        Require.nonBlank(reason, "DrRunUpdated.reason");
        approvals = Require.listOf(approvals);
        Require.nonNull(startedAt, "DrRunUpdated.startedAt");
        Require.nonNull(updatedAt, "DrRunUpdated.updatedAt");
        trail = Require.listOf(trail);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
