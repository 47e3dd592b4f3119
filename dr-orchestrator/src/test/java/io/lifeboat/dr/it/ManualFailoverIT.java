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
 * DrCommandRefused.
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
            }
        }
    }
}
