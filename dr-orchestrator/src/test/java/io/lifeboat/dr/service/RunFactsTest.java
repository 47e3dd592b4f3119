package io.lifeboat.dr.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.events.dr.ApprovalRequested;
import io.lifeboat.events.dr.FailoverFailed;
import io.lifeboat.events.dr.FailoverStepCompleted;

class RunFactsTest {

    private final RunFacts facts = new RunFacts(Runs.MACHINE);

    @Test
    void asksForAnApprovalOnceWhenAManualRunStartsWaiting() {
        RunState waiting = Runs.claimed(RunMode.MANUAL);

        assertThat(facts.of(null, waiting)).singleElement().isInstanceOfSatisfying(ApprovalRequested.class,
                asked -> assertThat(asked.stepId()).isEqualTo("check-quorum"));
        assertThat(facts.of(waiting, Runs.MACHINE.note(waiting, "dr-a", "noted", "x", Runs.T0))).isEmpty();
    }

    @Test
    void reportsEachStepDoneOnceAndNothingForItsStart() {
        RunState claimed = Runs.claimed(RunMode.AUTOMATIC);
        RunState started = Runs.started(claimed, "check-quorum");
        RunState done = Runs.done(claimed, "check-quorum", "primary=pg-a");

        assertThat(facts.of(claimed, started)).isEmpty();
        assertThat(facts.of(started, done)).singleElement().isInstanceOfSatisfying(FailoverStepCompleted.class,
                step -> assertThat(step.stepName()).isEqualTo("check-quorum"));
    }

    @Test
    void reportsAFailedRunWithTheStepAndWhetherThePrimaryWasFenced() {
        RunState started = Runs.started(Runs.claimed(RunMode.AUTOMATIC), "check-quorum");
        RunState failed = Runs.MACHINE.stepFailed(started, Runs.report(started, "check-quorum", "quorum lost: 1 of 3"),
                false).state();

        assertThat(facts.of(started, failed)).singleElement().isInstanceOfSatisfying(FailoverFailed.class, f -> {
            assertThat(f.failedStep()).isEqualTo("check-quorum");
            assertThat(f.primaryFenced()).isFalse();
            assertThat(f.reason()).contains("quorum lost: 1 of 3");
        });
    }
}
