package io.lifeboat.dr.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.dr.domain.NextStep;
import io.lifeboat.dr.domain.RunMachine;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.RunStatus;
import io.lifeboat.dr.domain.StepState;
import io.lifeboat.dr.domain.StepStatus;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.dr.ApprovalRequested;
import io.lifeboat.events.dr.FailoverFailed;
import io.lifeboat.events.dr.FailoverStepCompleted;

/**
 * The facts a transition of a failover run causes, published in the transaction that records it: a
 * FailoverStepCompleted per step done, FailoverFailed when the run fails, ApprovalRequested when it starts waiting.
 */
public final class RunFacts {

    private final RunMachine machine;

    /**
     * Creates the fact builder.
     *
     * @param machine the machine, to tell which step a run waits for
     */
    public RunFacts(RunMachine machine) {
        this.machine = machine;
    }

    /**
     * Returns the facts of one transition.
     *
     * @param before the run before the transition; null for a new run
     * @param after the run after it
     * @return the facts, in the order to publish them
     */
    public List<LifeboatMessage> of(RunState before, RunState after) {
        List<LifeboatMessage> facts = new ArrayList<>();
        for (int i = 0; i < after.steps().size(); i++) {
            StepState step = after.steps().get(i);
            boolean wasDone = before != null && before.steps().get(i).status() == StepStatus.DONE;
            if (step.status() == StepStatus.DONE && !wasDone) {
                Duration elapsed = step.startedAt() == null || step.finishedAt() == null
                        ? Duration.ZERO
                        : Duration.between(step.startedAt(), step.finishedAt());
                facts.add(new FailoverStepCompleted(after.runId(), after.runbookId(), after.targetId(), step.id(), i,
                        after.steps().size(), elapsed, step.finishedAt()));
            }
        }
        RunStatus was = before == null ? null : before.status();
        if (after.status() == RunStatus.FAILED && was != RunStatus.FAILED) {
            int index = failedIndex(after);
            facts.add(new FailoverFailed(after.runId(), after.runbookId(), after.targetId(), null,
                    after.steps().get(index).id(), index, after.outcome(), after.done("fence-primary"),
                    after.finishedAt()));
        }
        if (after.status() == RunStatus.AWAITING_APPROVAL && was != RunStatus.AWAITING_APPROVAL) {
            NextStep next = machine.nextStep(after);
            facts.add(new ApprovalRequested(after.runId(), after.targetId(), after.runbookId(), next.step().id(),
                    next.step().description(), next.reason() + "; requested because " + after.reason(),
                    after.updatedAt()));
        }
        return facts;
    }

    private static int failedIndex(RunState run) {
        for (int i = 0; i < run.steps().size(); i++) {
            if (run.steps().get(i).status() == StepStatus.FAILED) {
                return i;
            }
        }
        return 0;
    }
}
