package io.lifeboat.catalog.domain.dr;

import static io.lifeboat.catalog.testing.DrFacts.drillAwaitingApproval;
import static io.lifeboat.catalog.testing.DrFacts.drillPassed;
import static io.lifeboat.catalog.testing.DrFacts.failoverCompleted;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;

class DrOutcomesTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void summarisesAFailoverByItsNewPrimaryRecoveryTimeAndDataLoss() {
        DrRun run = DrRunFold.fold(null, failoverCompleted("db", "failover-c1", T0)).orElseThrow();

        assertThat(DrOutcomes.summary(run)).isEqualTo("promoted pg-b in 2.1 s, ~0 bytes lost");
    }

    @Test
    void fallsBackToTheReplayLagWhenTheLostBytesAreUnknown() {
        FailoverCompleted fact = new FailoverCompleted("failover-c1", "rb", "db", null, "pg-a", "pg-b",
                Duration.ofSeconds(75), Duration.ofMinutes(5), T0, T0.plusSeconds(75), null, Duration.ofSeconds(3));

        assertThat(DrOutcomes.summary(DrRunFold.fold(null, fact).orElseThrow()))
                .isEqualTo("promoted pg-b in 1 m 15 s, ~3.0 s of writes lost");
    }

    @Test
    void summarisesADrillByItsRestoreTimeAgainstTheRto() {
        DrRun passed = DrRunFold.fold(null, drillPassed("db", "c1", T0)).orElseThrow();
        DrillCompleted slow = new DrillCompleted("c2", "db", "b-7", true, Duration.ofMinutes(20),
                Duration.ofMinutes(15), null, T0, T0.plus(Duration.ofMinutes(21)));
        DrillCompleted failed = new DrillCompleted("c3", "db", "b-7", false, Duration.ofSeconds(40),
                Duration.ofMinutes(15), "row count of orders differs", T0, T0.plusSeconds(41));

        assertThat(DrOutcomes.summary(passed)).isEqualTo("drill passed: restored in 14 s (RTO 15 m)");
        assertThat(DrOutcomes.summary(DrRunFold.fold(null, slow).orElseThrow()))
                .isEqualTo("drill passed: restored in 20 m (RTO 15 m exceeded)");
        assertThat(DrOutcomes.summary(DrRunFold.fold(null, failed).orElseThrow()))
                .isEqualTo("drill failed: row count of orders differs (restore took 40 s, RTO 15 m)");
    }

    @Test
    void namesTheStepARunWaitsOnForApproval() {
        DrRun run = DrRunFold.fold(null, drillAwaitingApproval("db", "drill-c1", T0)).orElseThrow();

        assertThat(DrOutcomes.currentStep(run)).hasValueSatisfying(
                step -> assertThat(step.id()).isEqualTo("restore-into-scratch"));
        assertThat(DrOutcomes.summary(run)).isEqualTo("awaiting approval of restore-into-scratch");
    }

    @Test
    void formatsDurationsWithTheirLargestUnits() {
        assertThat(DrOutcomes.duration(Duration.ofMillis(2100))).isEqualTo("2.1 s");
        assertThat(DrOutcomes.duration(Duration.ofSeconds(14))).isEqualTo("14 s");
        assertThat(DrOutcomes.duration(Duration.ofMinutes(15))).isEqualTo("15 m");
        assertThat(DrOutcomes.duration(Duration.ofMinutes(65))).isEqualTo("1 h 5 m");
        assertThat(DrOutcomes.duration(null)).isEqualTo("?");
    }
}
