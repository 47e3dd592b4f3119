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
 * An orchestrator killed with SIGKILL between fence-primary and promote-standby: a new instance claims the run
 * at the next epoch and completes it, promoting the standby exactly once.
 */
class FailoverResumeIT extends OwnBroker {

    @Test
    void aNewInstanceResumesAtPromoteAfterTheFirstWasKilledAndPromotesExactlyOnce() throws Exception {
        String target = "orders-db";
        try (PgPair pg = new PgPair(); Monitors monitors = new Monitors(kafka, target)) {
            var settings = pg.settings(target);
            settings.put("lifeboat.dr.targets." + target + ".failover-mode", "AUTOMATIC");
            long timelineBefore = PgPair.timeline(pg.standby);
            var rehearsal = new java.util.HashMap<>(settings);
            rehearsal.put("lifeboat.dr.debug.pause-before-step", "promote-standby");
            rehearsal.put("lifeboat.dr.debug.pause", "5m");
            ServiceJar first = DrProcess.start("dr-first", broker.bootstrapServers(), rehearsal);
            try {
                pg.primary.stop(ShutdownMode.IMMEDIATE);
                monitors.report(HealthStatus.UNHEALTHY, "monitor-1", "monitor-2");
                Await.until("fence-primary recorded DONE", Duration.ofSeconds(40),
                        () -> runs(target).stream().anyMatch(run -> stepStatus(run, "fence-primary").equals("DONE")),
                        () -> "not yet; the first instance's log: " + first.log());
                first.crash();
            } finally {
                first.close();
            }
            DrRunUpdated atCrash = runs(target).get(runs(target).size() - 1);
            assertThat(stepStatus(atCrash, "promote-standby")).isEqualTo("PENDING");
            assertThat(pg.standby.isInRecovery()).isTrue();

            try (ServiceJar second = DrProcess.start("dr-second", broker.bootstrapServers(), settings)) {
                Await.until("the failover completed", Duration.ofSeconds(40),
                        () -> !kafka.read(Topics.DR_EVENTS.name(), FailoverCompleted.class, target).isEmpty(),
                        () -> "no FailoverCompleted; the second instance's log: " + second.log());

                List<DrRunUpdated> runs = runs(target);
                DrRunUpdated last = runs.get(runs.size() - 1);
                assertThat(last.runId()).isEqualTo(atCrash.runId());
                assertThat(last.epoch()).isEqualTo(atCrash.epoch() + 1);
                assertThat(last.owner()).isEqualTo("dr-second");
                assertThat(last.status()).isEqualTo("COMPLETED");
                assertThat(last.steps()).filteredOn(step -> step.id().equals("promote-standby"))
                        .extracting(step -> step.attempts()).containsExactly(1);
                assertThat(runs).filteredOn(run -> stepStatus(run, "promote-standby").equals("RUNNING"))
                        .extracting(DrRunUpdated::owner).containsOnly("dr-second");
                assertThat(kafka.read(Topics.DR_EVENTS.name(), FailoverCompleted.class, target)).hasSize(1);
                assertThat(pg.standby.isInRecovery()).isFalse();
                assertThat(PgPair.timeline(pg.standby)).isEqualTo(timelineBefore + 1);
            }
        }
    }

    private static List<DrRunUpdated> runs(String target) {
        return kafka.read(Topics.DR_RUNS.name(), DrRunUpdated.class, target);
    }

    private static String stepStatus(DrRunUpdated run, String stepId) {
        return run.steps().stream().filter(step -> step.id().equals(stepId)).findFirst().orElseThrow().status();
    }
}
