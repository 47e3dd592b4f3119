package io.lifeboat.catalog.rest;

import java.time.Instant;
import java.util.List;

import io.lifeboat.events.dr.DrApproval;

/**
 * One DR run on the timeline of {@code GET /api/dr/runs}.
 *
 * @param runId id of the run
 * @param kind failover, restore, recovery or drill
 * @param targetId id of the target (or recovery group)
 * @param state PENDING, AWAITING_APPROVAL, RUNNING, COMPLETED, FAILED, CANCELLED, or UNKNOWN while only an outcome
 *        fact has arrived
 * @param dryRun whether the run only reports what it would do
 * @param awaitingApproval whether a person must approve a step before the run goes on
 * @param startedAt instant the run started (optional)
 * @param finishedAt instant the run ended (optional)
 * @param currentStep id of the step the run stands at: running, awaiting approval or failed (optional)
 * @param steps every step of the runbook, in order
 * @param outcome how the run went or where it waits, in words (optional)
 * @param approvals the approvals given so far
 */
public record DrRunView(String runId, String kind, String targetId, String state, boolean dryRun,
        boolean awaitingApproval, Instant startedAt, Instant finishedAt, String currentStep, List<DrStepView> steps,
        String outcome, List<DrApproval> approvals) {
}
