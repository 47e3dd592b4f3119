package io.lifeboat.catalog.domain.dr;

import static io.lifeboat.catalog.testing.DrFacts.drillAwaitingApproval;
import static io.lifeboat.catalog.testing.DrFacts.drillPassed;
import static io.lifeboat.catalog.testing.DrFacts.failoverCompleted;
import static io.lifeboat.catalog.testing.DrFacts.failoverCompletedRun;
import static io.lifeboat.catalog.testing.DrFacts.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.FailoverFailed;
import io.lifeboat.events.dr.FailoverStepCompleted;

class DrRunFoldTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private static final String DB = "orders-db";

    @Test
    void keepsTheNewestStateOfARunWithoutItsAuditTrail() {
        DrRunUpdated waiting = drillAwaitingApproval(DB, "drill-c1", T0);
        DrRunUpdated running = run(DB, "drill-c1", "DRILL", "RUNNING", waiting.steps(), List.of(), T0,
                T0.plusSeconds(30), null, null);

        DrRun first = DrRunFold.fold(null, waiting).orElseThrow();
        DrRun second = DrRunFold.fold(first, running).orElseThrow();

        assertThat(first.runId()).isEqualTo("drill-c1");
        assertThat(first.targetId()).isEqualTo(DB);
        assertThat(first.run().trail()).isEmpty();
        assertThat(second.status()).isEqualTo("RUNNING");
        assertThat(second.run().updatedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void ignoresAnOlderStateAndADuplicate() {
        DrRunUpdated newer = run(DB, "drill-c1", "DRILL", "RUNNING", List.of(), List.of(), T0, T0.plusSeconds(30),
                null, null);
        DrRun stored = DrRunFold.fold(null, newer).orElseThrow();

        assertThat(DrRunFold.fold(stored, drillAwaitingApproval(DB, "drill-c1", T0))).isEmpty();
        assertThat(DrRunFold.fold(stored, newer)).isEmpty();
    }

    @Test
    void letsAStateOfANewerEpochWinOverALaterInstantOfAnOlderOne() {
        DrRunUpdated oldOwner = run(DB, "failover-c1", "FAILOVER", "RUNNING", List.of(), List.of(), T0,
                T0.plusSeconds(60), null, null);
        DrRunUpdated newOwner = new DrRunUpdated("failover-c1", DB, "runbook-failover", "FAILOVER", "MANUAL", false,
                "FAILED", List.of(), 2, "dr-2", "ops", "test", List.of(), null, T0, T0.plusSeconds(10),
                T0.plusSeconds(10), "fence failed", List.of(), null);
        DrRun stored = DrRunFold.fold(null, newOwner).orElseThrow();

        assertThat(DrRunFold.fold(stored, oldOwner)).isEmpty();
    }

    @Test
    void attachesAFailoverOutcomeThatArrivesBeforeItsRunAndKeepsItWhenTheRunFollows() {
        DrRun outcomeFirst = DrRunFold.fold(null, failoverCompleted(DB, "failover-c1", T0)).orElseThrow();

        assertThat(outcomeFirst.runId()).isEqualTo("failover-c1");
        assertThat(outcomeFirst.status()).isEqualTo("COMPLETED");
        assertThat(outcomeFirst.started()).isEqualTo(T0);
        assertThat(outcomeFirst.finished()).isEqualTo(T0.plusMillis(2100));

        DrRun both = DrRunFold.fold(outcomeFirst, failoverCompletedRun(DB, "failover-c1", T0)).orElseThrow();

        assertThat(both.failover().newPrimary()).isEqualTo("pg-b");
        assertThat(both.failover().recoveryTime()).isEqualTo(Duration.ofMillis(2100));
        assertThat(both.failover().dataLossBytes()).isZero();
        assertThat(both.run().steps()).hasSize(3);
    }

    @Test
    void keysADrillOutcomeByTheRunIdTheOrchestratorDerivesFromItsCommand() {
        assertThat(DrRunFold.runId(drillPassed(DB, "c9", T0))).isEqualTo("drill-c9");
        assertThat(DrRunFold.runId(drillPassed(DB, "drill-c9", T0))).isEqualTo("drill-c9");

        DrRun run = DrRunFold.fold(DrRunFold.fold(null, drillAwaitingApproval(DB, "drill-c9", T0)).orElseThrow(),
                drillPassed(DB, "c9", T0)).orElseThrow();

        assertThat(run.drill().passed()).isTrue();
        assertThat(run.drill().restoreTime()).isEqualTo(Duration.ofSeconds(14));
        assertThat(run.drill().withinRto()).isTrue();
    }

    @Test
    void recordsWhereAFailoverStoppedAndChangesNothingOnItsRedelivery() {
        FailoverFailed failed = new FailoverFailed("failover-c2", "runbook-failover", DB, null, "promote-standby", 2,
                "pg-b refused promotion: not in recovery", true, T0.plusSeconds(5));
        DrRun stored = DrRunFold.fold(null, failed).orElseThrow();

        assertThat(stored.status()).isEqualTo("FAILED");
        assertThat(stored.failure().failedStep()).isEqualTo("promote-standby");
        assertThat(DrRunFold.fold(stored, failed)).isEmpty();
    }

    @Test
    void concernsRunStatesAndOutcomesButNotStepProgress() {
        FailoverStepCompleted step = new FailoverStepCompleted("failover-c1", "runbook-failover", DB,
                "fence-primary", 1, 3, Duration.ofSeconds(1), T0);

        assertThat(DrRunFold.concerns(step)).isFalse();
        assertThat(DrRunFold.concerns(failoverCompleted(DB, "failover-c1", T0))).isTrue();
        assertThatThrownBy(() -> DrRunFold.runId(step)).hasMessageContaining("FailoverStepCompleted names no DR run");
    }
}
