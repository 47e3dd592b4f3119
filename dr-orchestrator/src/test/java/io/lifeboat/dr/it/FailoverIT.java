package io.lifeboat.dr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.testkit.postgres.ShutdownMode;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ServiceJar;

/**
 * The packaged orchestrator against a real PostgreSQL primary and standby: three monitors' reports drive the
 * quorum; a majority seeing the primary down fails it over once, fenced; a minority or SUSPECT changes nothing.
 */
class FailoverIT extends OwnBroker {

    @Test
    void killingThePrimaryPromotesTheStandbyOnceAndFencesTheOldPrimaryOnReturn() throws Exception {
        String target = "orders-db";
        try (PgPair pg = new PgPair(); Monitors monitors = new Monitors(kafka, target)) {
            var settings = pg.settings(target);
            settings.put("lifeboat.dr.targets." + target + ".failover-mode", "AUTOMATIC");
            try (ServiceJar dr = DrProcess.start("dr-failover", broker.bootstrapServers(), settings)) {
                PgPair.write(pg.primary, "INSERT INTO ledger VALUES (1)");
                pg.primary.stop(ShutdownMode.IMMEDIATE);
                monitors.report(HealthStatus.UNHEALTHY, "monitor-1", "monitor-2");

                Await.until("the failover completed", Duration.ofSeconds(40),
                        () -> !kafka.read(Topics.DR_EVENTS.name(), FailoverCompleted.class, target).isEmpty(),
                        () -> "no FailoverCompleted; the orchestrator's log: " + dr.log());

                assertThat(pg.standby.isInRecovery()).isFalse();
                assertThat(PgPair.acceptsWrites(pg.standby, 2)).isTrue();

                pg.primary.restart();
                Await.until("the old primary refuses writes", Duration.ofSeconds(20),
                        () -> !PgPair.acceptsWrites(pg.primary, 3), () -> "the old primary still takes writes; "
                                + "the orchestrator's log: " + dr.log());

                assertThat(PgPair.acceptsWrites(pg.standby, 4)).as("the new primary").isTrue();
                assertThat(PgPair.acceptsWrites(pg.primary, 5)).as("the old primary").isFalse();
                List<FailoverCompleted> completed = kafka.read(Topics.DR_EVENTS.name(), FailoverCompleted.class,
                        target);
                assertThat(completed).hasSize(1);
                assertThat(completed.get(0).newPrimary()).isEqualTo("pg-b");
                assertThat(completed.get(0).fencedPrimary()).isEqualTo("pg-a");
                assertThat(completed.get(0).dataLossBytes()).as("the estimate from the primary seen answering")
                        .isNotNull().isNotNegative();
                Await.until("the return fence recorded in the run's trail", Duration.ofSeconds(10),
                        () -> latestRun(target).trail().stream()
                                .anyMatch(entry -> entry.action().equals("fenced-on-return")),
                        () -> "not in the trail: " + latestRun(target).trail());
                DrRunUpdated run = latestRun(target);
                assertThat(run.status()).isEqualTo("COMPLETED");
                assertThat(run.requestedBy()).isEqualTo("health-quorum");
                assertThat(run.steps()).filteredOn(step -> step.id().equals("follow-new-timeline"))
                        .extracting(step -> step.status()).containsExactly("SKIPPED");
                assertThat(dr.get("/api/runs").body()).contains("\"runId\":\"" + run.runId() + "\"");
            }
        }
    }

    @Test
    void oneMonitorSeeingThePrimaryDownWhileTwoSeeItUpDoesNothing() throws Exception {
        String target = "billing-db";
        try (PgPair pg = new PgPair(); Monitors monitors = new Monitors(kafka, target)) {
            var settings = pg.settings(target);
            settings.put("lifeboat.dr.targets." + target + ".failover-mode", "AUTOMATIC");
            try (ServiceJar dr = DrProcess.start("dr-minority", broker.bootstrapServers(), settings)) {
                monitors.report(HealthStatus.UNHEALTHY, "monitor-1");
                Thread.sleep(5_000);
                monitors.report(HealthStatus.SUSPECT, "monitor-1", "monitor-2", "monitor-3");
                Thread.sleep(5_000);

                assertThat(kafka.read(Topics.DR_RUNS.name(), DrRunUpdated.class, target)).isEmpty();
                assertThat(pg.standby.isInRecovery()).isTrue();
                assertThat(PgPair.acceptsWrites(pg.primary, 1)).isTrue();
            }
        }
    }

    private static DrRunUpdated latestRun(String target) {
        List<DrRunUpdated> runs = kafka.read(Topics.DR_RUNS.name(), DrRunUpdated.class, target);
        return runs.get(runs.size() - 1);
    }
}
