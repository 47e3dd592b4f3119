package io.lifeboat.dr.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;
import io.lifeboat.events.dr.ApprovalRequested;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.DrApproval;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.dr.StartFailover;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.testkit.postgres.ShutdownMode;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ServiceJar;

/**
 * A MANUAL target: the quorum's failover waits for a person, asks once, promotes nothing until approved, and
 * names the approver in the run's approval chain; a second failover asked meanwhile is refused, once, with a
 * DrCommandRefused. The run's status gauge says AWAITING_APPROVAL while it waits (the LifeboatApprovalPending alert).
 */
class ManualFailoverIT extends OwnBroker {

    @Test
    void waitsForAnApprovalAndCompletesOnceOpsApproves() throws Exception {
        String target = "orders-db";
        try (PgPair pg = new PgPair(); Monitors monitors = new Monitors(kafka, target)) {
            var settings = pg.settings(target);
            settings.put("lifeboat.dr.targets." + target + ".failover-mode", "MANUAL");
            try (ServiceJar dr = DrProcess.start("dr-manual", broker.bootstrapServers(), settings)) {
                pg.primary.stop(ShutdownMode.IMMEDIATE);
                monitors.report(HealthStatus.UNHEALTHY, "monitor-1", "monitor-2", "monitor-3");

                Await.until("an approval requested", Duration.ofSeconds(30),
                        () -> !kafka.read(Topics.DR_EVENTS.name(), ApprovalRequested.class, target).isEmpty(),
                        () -> "no ApprovalRequested; the orchestrator's log: " + dr.log());
                ApprovalRequested asked = kafka.read(Topics.DR_EVENTS.name(), ApprovalRequested.class, target)
                        .get(0);
                assertThat(asked.stepId()).isEqualTo("check-quorum");
                assertThat(pg.standby.isInRecovery()).isTrue();

                StartFailover second = new StartFailover("second-ask", target, "ops asked too", null, "ops:joe",
                        null, 1);
                kafka.send(second);
                kafka.send(second);
                Await.until("the second failover refused", Duration.ofSeconds(30),
                        () -> !kafka.read(Topics.DR_EVENTS.name(), DrCommandRefused.class, target).isEmpty(),
                        () -> "no DrCommandRefused; the orchestrator's log: " + dr.log());
                DrCommandRefused refused = kafka.read(Topics.DR_EVENTS.name(), DrCommandRefused.class, target)
                        .get(0);
                assertThat(List.of(refused.commandId(), refused.runId(), refused.command())).containsExactly(
                        "second-ask", "failover-second-ask", "StartFailover");
                assertThat(refused.reason()).contains("already has active run '" + asked.runId() + "'");
                awaitGauge(dr, "lifeboat_dr_run_status{kind=\"failover\",status=\"AWAITING_APPROVAL\",target=\""
                        + target + "\"} 1.0");
                assertThat(dr.get("/q/metrics").body()).contains("lifeboat_dr_acting 1.0",
                        "lifeboat_dr_run_status{kind=\"failover\",status=\"RUNNING\",target=\"" + target
                                + "\"} 0.0");

                kafka.send(new ApproveRun("approve-1", target, asked.runId(), asked.stepId(), true,
                        "primary host is gone", "ops:jane", null, 1));

                Await.until("the failover completed", Duration.ofSeconds(40),
                        () -> !kafka.read(Topics.DR_EVENTS.name(), FailoverCompleted.class, target).isEmpty(),
                        () -> "no FailoverCompleted; the orchestrator's log: " + dr.log());
                List<DrRunUpdated> runs = kafka.read(Topics.DR_RUNS.name(), DrRunUpdated.class, target);
                DrRunUpdated last = runs.get(runs.size() - 1);
                assertThat(last.status()).isEqualTo("COMPLETED");
                assertThat(last.approvals()).extracting(DrApproval::approverId).containsExactly("ops:jane");
                assertThat(kafka.read(Topics.DR_EVENTS.name(), ApprovalRequested.class, target)).hasSize(1);
                assertThat(kafka.read(Topics.DR_EVENTS.name(), FailoverCompleted.class, target)).hasSize(1);
                assertThat(kafka.read(Topics.DR_EVENTS.name(), DrCommandRefused.class, target))
                        .as("the redelivered command is refused in silence").hasSize(1);
                assertThat(pg.standby.isInRecovery()).isFalse();
                awaitGauge(dr, "lifeboat_dr_run_status{kind=\"failover\",status=\"COMPLETED\",target=\""
                        + target + "\"} 1.0");
            }
        }
    }

    /** Waits for a line of the orchestrator's gauges, which follow the runs at every tick. */
    private static void awaitGauge(ServiceJar dr, String line) {
        String[] scraped = {""};
        Await.until(line, Duration.ofSeconds(15), () -> {
            scraped[0] = dr.get("/q/metrics").body();
            return scraped[0].contains(line);
        }, () -> "the orchestrator's gauges:\n" + scraped[0].lines().filter(l -> l.startsWith("lifeboat_dr"))
                .reduce("", (a, b) -> a + b + "\n"));
    }
}
