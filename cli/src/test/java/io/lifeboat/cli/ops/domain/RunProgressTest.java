package io.lifeboat.cli.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.DrRunStep;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;

class RunProgressTest {

    private static final Instant T = Instant.parse("2026-11-21T09:00:00Z");

    private static DrRunStep step(String id, String status, String note) {
        return new DrRunStep(id, id, false, status, 1, note, null, null);
    }

    private static DrRunUpdated run(String status, DrRunStep... steps) {
        return new DrRunUpdated("drill-c1", "orders-db", "postgres-drill", "DRILL", "AUTOMATIC", false, status,
                List.of(steps), 1, null, "jane", "drill", List.of(), null, T, T, null, null, List.of(), Map.of());
    }

    @Test
    void takesARefusalAsTheAnswerToTheCommandWithItsIdOnly() {
        DrCommandRefused refused = new DrCommandRefused("c1", "orders-db", "failover-c1", "StartFailover",
                "hold-down", T);

        assertThat(List.of(RunProgress.isRefusalOf(refused, "c1"), RunProgress.isRefusalOf(refused, "c2"),
                RunProgress.isOutcomeOf(refused, "failover-c1"))).containsExactly(true, false, false);
    }

    @Test
    void showsFinishedStepsAsABarWithTheRunningStepAndElapsedSeconds() {
        DrRunUpdated run = run("RUNNING", step("pick-backup", "DONE", null), step("provision", "DONE", null),
                step("skip-me", "SKIPPED", null), step("await-restore", "RUNNING", null),
                step("check-data", "PENDING", null), step("teardown", "PENDING", null));

        assertThat(RunProgress.line(run, 42)).isEqualTo("[#####-----] 3/6 await-restore (42 s)");
    }

    @Test
    void namesTheStatusWhenTheRunIsNotRunning() {
        DrRunUpdated run = run("AWAITING_APPROVAL", step("restore", "DONE", null), step("cutover", "PENDING", null));

        assertThat(RunProgress.line(run, 0)).isEqualTo("[#####-----] 1/2 cutover AWAITING_APPROVAL (0 s)");
    }

    @Test
    void waitingIsOverWhenTheRunEndsOrWaitsForAPerson() {
        assertThat(List.of("COMPLETED", "FAILED", "CANCELLED", "AWAITING_APPROVAL", "RUNNING", "PENDING").stream()
                .map(RunProgress::settled).toList()).containsExactly(true, true, true, true, false, false);
        assertThat(RunProgress.terminal("AWAITING_APPROVAL")).isFalse();
    }

    @Test
    void explainsAFailureWithTheFailedStepsNote() {
        DrRunUpdated run = run("FAILED", step("provision", "DONE", null),
                step("await-restore", "FAILED", "pg_restore exited 1"));

        assertThat(RunProgress.failure(run)).isEqualTo("step 'await-restore' failed: pg_restore exited 1");
    }

    @Test
    void barStaysWithinItsWidthForAnyCounts() {
        assertThat(List.of(RunProgress.bar(0, 0, 4), RunProgress.bar(7, 5, 4), RunProgress.bar(1, 2, 4)))
                .containsExactly("[----]", "[####]", "[##--]");
    }

    @Test
    void recognisesTheFactOfItsOwnRunOnly() {
        DrillCompleted mine = new DrillCompleted("c1", "orders-db", "bk-1", true, Duration.ofSeconds(40),
                Duration.ofMinutes(15), null, T, T);
        DrillCompleted other = new DrillCompleted("c2", "orders-db", "bk-1", true, Duration.ofSeconds(40),
                Duration.ofMinutes(15), null, T, T);
        FailoverCompleted failover = new FailoverCompleted("failover-c3", "pg-failover", "orders-db", null, "db1",
                "db2", Duration.ofSeconds(30), Duration.ofMinutes(15), T, T, null, null);

        assertThat(List.of(RunProgress.isOutcomeOf(mine, "drill-c1"), RunProgress.isOutcomeOf(other, "drill-c1"),
                RunProgress.isOutcomeOf(failover, "failover-c3"))).containsExactly(true, false, true);
    }
}
