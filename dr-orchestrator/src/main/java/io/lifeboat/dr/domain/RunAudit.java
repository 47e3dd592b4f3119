package io.lifeboat.dr.domain;

import java.time.Instant;
import java.util.List;

/**
 * The audit summary of a run as restore audits ask for it: who initiated it, what was recovered, when, the
 * approval chain and the outcome.
 *
 * @param who user or system that requested the run
 * @param what runbook and target, e.g. {@code restore-data-loss of target 'orders-db'}
 * @param startedAt when the run was requested
 * @param finishedAt when it finished; null while it runs
 * @param approvalChain approvals in the order they were given
 * @param status where the run stands
 * @param outcome the outcome in words; null while it runs
 */
public record RunAudit(String who, String what, Instant startedAt, Instant finishedAt, List<Approval> approvalChain,
        RunStatus status, String outcome) {

    /**
     * Copies the approval chain.
     */
    public RunAudit {
        approvalChain = List.copyOf(approvalChain);
    }
}
