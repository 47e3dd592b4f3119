package io.lifeboat.dr.service;

import java.time.Instant;

import io.lifeboat.dr.domain.Approval;
import io.lifeboat.dr.domain.AuditEntry;
import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.RunStatus;
import io.lifeboat.dr.domain.RunbookKind;
import io.lifeboat.dr.domain.StepDefinition;
import io.lifeboat.dr.domain.StepState;
import io.lifeboat.dr.domain.StepStatus;
import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.events.dr.DrApproval;
import io.lifeboat.events.dr.DrAuditEntry;
import io.lifeboat.events.dr.DrRunStep;
import io.lifeboat.events.dr.DrRunUpdated;

/**
 * Converts a target's runs to the run log's record ({@link DrRunUpdated}) and back, losslessly.
 */
public final class RunRecords {

    private static final String UNKNOWN_ACTOR = "orchestrator";

    private RunRecords() {
    }

    /**
     * Builds the run log's record of a target's latest run.
     *
     * @param runs the latest run and the last failover instant
     * @return the record
     */
    public static DrRunUpdated toRecord(TargetRuns runs) {
        RunState run = runs.latest();
        return new DrRunUpdated(run.runId(), run.targetId(), run.runbookId(), run.kind().name(), run.mode().name(),
                run.dryRun(), run.status().name(),
                run.steps().stream().map(step -> new DrRunStep(step.id(), step.definition().description(),
                        step.definition().needsApproval(), step.status().name(), step.attempts(), step.note(),
                        step.startedAt(), step.finishedAt())).toList(),
                run.epoch(), run.owner(), run.requestedBy(), run.reason(),
                run.approvals().stream().map(a -> new DrApproval(a.approverId(), a.stepId(), a.at())).toList(),
                runs.lastFailoverAt(), run.startedAt(), run.updatedAt(), run.finishedAt(), run.outcome(),
                run.trail().stream().map(e -> new DrAuditEntry(e.at(), actor(e.actor()), e.action(), e.detail()))
                        .toList(),
                run.parameters());
    }

    /**
     * Reads a target's latest run and last failover instant back from the run log's record.
     *
     * @param record the record
     * @return the runs
     * @throws IllegalArgumentException when a status, kind or mode is unknown to this version
     */
    public static TargetRuns fromRecord(DrRunUpdated record) {
        RunState run = new RunState(record.runId(), record.targetId(), record.runbookId(),
                RunbookKind.valueOf(record.kind()), RunMode.valueOf(record.mode()), record.dryRun(),
                RunStatus.valueOf(record.status()),
                record.steps().stream().map(step -> new StepState(new StepDefinition(step.id(), step.description(),
                        step.needsApproval()), StepStatus.valueOf(step.status()), step.attempts(), step.note(),
                        step.startedAt(), step.finishedAt())).toList(),
                record.epoch(), record.owner(), record.requestedBy(), record.reason(),
                record.approvals().stream().map(a -> new Approval(a.approverId(), a.at(), a.stepId())).toList(),
                record.startedAt(), record.updatedAt(), record.finishedAt(), record.outcome(),
                record.trail().stream().map(e -> new AuditEntry(e.at(), e.actor(), e.action(), e.detail())).toList(),
                record.parameters());
        Instant lastFailoverAt = record.lastFailoverAt();
        return new TargetRuns(run, lastFailoverAt);
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? UNKNOWN_ACTOR : actor;
    }
}
