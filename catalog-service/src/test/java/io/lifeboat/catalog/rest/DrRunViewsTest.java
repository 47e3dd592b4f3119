package io.lifeboat.catalog.rest;

import static io.lifeboat.catalog.testing.DrFacts.drillAwaitingApproval;
import static io.lifeboat.catalog.testing.DrFacts.drillPassed;
import static io.lifeboat.catalog.testing.DrFacts.failoverCompleted;
import static io.lifeboat.catalog.testing.DrFacts.failoverCompletedRun;
import static io.lifeboat.catalog.testing.DrFacts.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.catalog.domain.dr.DrRunFold;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.dr.DrApproval;

class DrRunViewsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void showsACompletedFailoverWithItsStepsAndOutcome() {
        DrRun run = folded(failoverCompletedRun("db", "failover-c1", T0), failoverCompleted("db", "failover-c1", T0));

        DrRunView view = DrRunViews.of(run);

        assertThat(view.runId()).isEqualTo("failover-c1");
        assertThat(view.kind()).isEqualTo("failover");
        assertThat(view.targetId()).isEqualTo("db");
        assertThat(view.state()).isEqualTo("COMPLETED");
        assertThat(view.awaitingApproval()).isFalse();
        assertThat(view.startedAt()).isEqualTo(T0);
        assertThat(view.finishedAt()).isEqualTo(T0.plusMillis(2100));
        assertThat(view.currentStep()).isNull();
        assertThat(view.steps()).extracting(DrStepView::name, DrStepView::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("check-quorum", "DONE"),
                org.assertj.core.groups.Tuple.tuple("fence-primary", "DONE"),
                org.assertj.core.groups.Tuple.tuple("promote-standby", "DONE"));
        assertThat(view.steps().get(1).note()).isEqualTo("fenced pg-a");
        assertThat(view.outcome()).isEqualTo("promoted pg-b in 2.1 s, ~0 bytes lost");
    }

    @Test
    void marksADrillAwaitingApprovalWithTheStepItWaitsOnAndItsApprovalsSoFar() {
        DrApproval approval = new DrApproval("alice", "pick-backup", T0.plusSeconds(1));
        var waiting = drillAwaitingApproval("db", "drill-c2", T0);
        DrRun run = folded(run("db", "drill-c2", "DRILL", "AWAITING_APPROVAL", waiting.steps(), List.of(approval),
                T0, T0.plusSeconds(1), null, null));

        DrRunView view = DrRunViews.of(run);

        assertThat(view.kind()).isEqualTo("drill");
        assertThat(view.awaitingApproval()).isTrue();
        assertThat(view.currentStep()).isEqualTo("restore-into-scratch");
        assertThat(view.finishedAt()).isNull();
        assertThat(view.outcome()).isEqualTo("awaiting approval of restore-into-scratch");
        assertThat(view.approvals()).containsExactly(approval);
    }

    @Test
    void namesTheKindOfARunKnownOnlyFromItsOutcomeOrItsId() {
        DrRun drill = folded(drillPassed("db", "c3", T0));
        DrRun recovery = folded(run("shop", "recovery-c4", "COMPLETE_FAILURE", "RUNNING", List.of(), List.of(), T0,
                T0, null, null));

        assertThat(DrRunViews.of(drill)).extracting(DrRunView::runId, DrRunView::kind, DrRunView::state)
                .containsExactly("drill-c3", "drill", "COMPLETED");
        assertThat(DrRunViews.of(drill).steps()).isEmpty();
        assertThat(DrRunViews.kind(recovery)).isEqualTo("recovery");
        assertThat(DrRunViews.kind(DrRun.empty("restore-c5", "db"))).isEqualTo("restore");
    }

    @Test
    void listsTheNewestRunsFirstUpToTheLimit() {
        List<DrRun> runs = List.of(folded(failoverCompletedRun("db", "failover-old", T0.minusSeconds(600))),
                folded(drillAwaitingApproval("db", "drill-new", T0)),
                folded(failoverCompletedRun("db", "failover-mid", T0.minusSeconds(60))));

        assertThat(DrRunViews.newestFirst(runs, 2)).extracting(DrRunView::runId)
                .containsExactly("drill-new", "failover-mid");
        assertThat(DrRunViews.newestFirst(runs, -1)).isEmpty();
    }

    private static DrRun folded(LifeboatMessage... facts) {
        DrRun run = null;
        for (LifeboatMessage fact : facts) {
            run = DrRunFold.fold(run, fact).orElse(run);
        }
        return run;
    }
}
