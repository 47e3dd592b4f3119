package io.lifeboat.dr.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.dr.domain.RunMode;
import io.lifeboat.dr.domain.RunRequest;
import io.lifeboat.dr.domain.RunState;
import io.lifeboat.dr.domain.Runbooks;
import io.lifeboat.dr.domain.TargetRuns;
import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.TraceContext;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetHealthReported;

class RunTraceTest {

    private static final TraceContext COMMAND_TRACE = TraceContext
            .parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();
    private static final Instant T0 = Runs.T0;

    private final Inbox inbox = new Inbox();

    @Test
    void aDrCommandsTraceWaitsInTheInboxForTheRunItStarts() {
        StartDrill drill = new StartDrill("c-1", "orders-db", null, null, "scheduler-service", null, 1);

        inbox.accept(Envelope.of(Envelope.sourceOf("scheduler-service"), drill).withTrace(COMMAND_TRACE));

        assertThat(inbox.drainCommands()).containsExactly(drill);
        assertThat(inbox.commandTrace("c-1")).contains(COMMAND_TRACE);
        inbox.forgetCommandTrace("c-1");
        assertThat(inbox.commandTrace("c-1")).isEmpty();
    }

    @Test
    void theTraceOfTheLatestUnhealthyReportIsTheFailoversAndAHealthyReportLeavesIt() {
        TraceContext healthy = TraceContext.start();

        inbox.accept(Envelope.of(Envelope.sourceOf("health-monitor"), report(HealthStatus.UNHEALTHY, T0))
                .withTrace(COMMAND_TRACE));
        inbox.accept(Envelope.of(Envelope.sourceOf("health-monitor"), report(HealthStatus.HEALTHY, T0.plusSeconds(5)))
                .withTrace(healthy));

        assertThat(inbox.reportTrace("orders-db")).contains(COMMAND_TRACE);
    }

    @Test
    void everyRecordOfARunContinuesItsTraceAndTheLogKeepsItAcrossARestart() {
        RunState run = Runs.MACHINE.start(new RunRequest("failover-c-1", "orders-db",
                Runbooks.postgresPrimaryFailure(), RunMode.AUTOMATIC, false, "ops:jane", "planned", T0,
                RunParameters.withTrace(Map.of(), COMMAND_TRACE)), TargetRuns.none()).state();
        TargetRuns runs = TargetRuns.none().with(run);
        FailoverCompleted completed = new FailoverCompleted("failover-c-1", run.runbookId(), "orders-db", "c-1",
                "pg-a", "pg-b", Duration.ofSeconds(20), Duration.ofSeconds(30), T0, T0.plusSeconds(20), 0L,
                Duration.ZERO);

        List<Envelope<LifeboatMessage>> records = RunLog.transition(runs, List.of(completed));

        assertThat(records).extracting(record -> record.payload().getClass().getSimpleName())
                .containsExactly("DrRunUpdated", "FailoverCompleted");
        assertThat(records).allSatisfy(
                record -> assertThat(record.trace().traceId()).isEqualTo(COMMAND_TRACE.traceId()));
        assertThat(records).extracting(record -> record.trace().spanId()).doesNotHaveDuplicates()
                .doesNotContain(COMMAND_TRACE.spanId());
        TargetRuns reloaded = RunRecords.fromRecord((DrRunUpdated) records.get(0).payload());
        assertThat(RunParameters.trace(reloaded.latest())).contains(COMMAND_TRACE);
    }

    @Test
    void aRunWithoutTraceStartsOneForEachRecord() {
        RunState run = Runs.claimed(RunMode.AUTOMATIC);

        List<Envelope<LifeboatMessage>> records = RunLog.transition(TargetRuns.none().with(run), List.of());

        assertThat(RunParameters.trace(run)).isEmpty();
        assertThat(records).singleElement().satisfies(record -> assertThat(record.trace()).isNotNull());
    }

    private static TargetHealthReported report(HealthStatus status, Instant at) {
        return new TargetHealthReported("orders-db", Engine.POSTGRES, "monitor-a", status,
                status == HealthStatus.HEALTHY ? 0 : 3, List.of(), Duration.ofSeconds(5), at);
    }
}
