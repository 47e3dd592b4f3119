package io.lifeboat.health.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.health.TargetRecovered;
import io.lifeboat.events.health.TargetWarningCleared;
import io.lifeboat.events.health.TargetWarningRaised;
import io.lifeboat.events.health.WatchedResource;
import io.lifeboat.health.config.TargetSettings;
import io.lifeboat.health.domain.Hysteresis;
import io.lifeboat.health.probe.Probe;
import io.lifeboat.health.probe.ResourceUsage;

class TargetMonitorTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final TargetSettings ORDERS_DB = new TargetSettings("orders-db", Engine.POSTGRES, INTERVAL,
            Duration.ofSeconds(3), Hysteresis.DEFAULTS, 0.9, 0.8, List.of());

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final MutableClock clock = new MutableClock(T0);
    private final FakeProbe primary = new FakeProbe("primary", "db1:5432");
    private final FakeProbe replica = new FakeProbe("replica", "db2:5432");

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void reportsEveryRoundWithEveryObservationAndTheMonitorId() {
        TargetMonitor monitor = monitor(primary, replica);

        List<LifeboatMessage> first = round(monitor);
        List<LifeboatMessage> second = round(monitor);

        assertThat(first).singleElement().isInstanceOfSatisfying(TargetHealthReported.class, report -> {
            assertThat(report.targetId()).isEqualTo("orders-db");
            assertThat(report.engine()).isEqualTo(Engine.POSTGRES);
            assertThat(report.monitorId()).isEqualTo("monitor-a");
            assertThat(report.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(report.consecutiveFailures()).isZero();
            assertThat(report.observations()).extracting(ProbeObservation::probe).containsExactly("primary",
                    "replica");
            assertThat(report.interval()).isEqualTo(INTERVAL);
            assertThat(report.reportedAt()).isEqualTo(T0);
        });
        assertThat(second).singleElement().isInstanceOfSatisfying(TargetHealthReported.class,
                report -> assertThat(report.reportedAt()).isEqualTo(T0.plus(INTERVAL)));
    }

    @Test
    void publishesTheOutageAndTheRecoveryOnlyWhenTheyHappen() {
        primary.fails("refused").fails("refused").fails("refused").fails("refused").passes().passes().passes();
        TargetMonitor monitor = monitor(primary, replica);

        List<List<LifeboatMessage>> rounds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rounds.add(round(monitor));
        }

        assertThat(rounds).allSatisfy(messages -> assertThat(messages).last()
                .isInstanceOf(TargetHealthReported.class));
        assertThat(statuses(rounds)).containsExactly(HealthStatus.SUSPECT, HealthStatus.SUSPECT,
                HealthStatus.UNHEALTHY, HealthStatus.UNHEALTHY, HealthStatus.UNHEALTHY, HealthStatus.HEALTHY,
                HealthStatus.HEALTHY);
        assertThat(rounds.stream().mapToInt(List::size)).containsExactly(1, 1, 2, 1, 1, 2, 1);
        assertThat(rounds.get(2).get(0)).isInstanceOfSatisfying(TargetBecameUnhealthy.class, down -> {
            assertThat(down.probe()).isEqualTo("primary");
            assertThat(down.instance()).isEqualTo("db1:5432");
            assertThat(down.error()).isEqualTo("refused");
            assertThat(down.consecutiveFailures()).isEqualTo(3);
            assertThat(down.firstFailureAt()).isEqualTo(T0);
            assertThat(down.detectedAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));
            assertThat(down.monitorId()).isEqualTo("monitor-a");
        });
        assertThat(rounds.get(5).get(0)).isInstanceOfSatisfying(TargetRecovered.class, up -> {
            assertThat(up.probe()).isEqualTo("primary");
            assertThat(up.consecutiveSuccesses()).isEqualTo(2);
            assertThat(up.downtime()).isEqualTo(INTERVAL.multipliedBy(5));
            assertThat(up.monitorId()).isEqualTo("monitor-a");
        });
    }

    @Test
    void raisesAndClearsWarningsFromResourceUsageWithTheThresholdOfTheResource() {
        primary.passes(disk(0.95)).passes(disk(0.96)).passes(disk(0.5), memory(0.85)).passes(memory(0.86));
        TargetMonitor monitor = monitor(primary);

        List<List<LifeboatMessage>> rounds = List.of(round(monitor), round(monitor), round(monitor), round(monitor));

        assertThat(rounds.get(0).get(0)).isInstanceOfSatisfying(TargetWarningRaised.class, raised -> {
            assertThat(raised.resource()).isEqualTo(WatchedResource.DISK);
            assertThat(raised.instance()).isEqualTo("/var/lib/postgresql");
            assertThat(raised.used()).isEqualTo(0.95);
            assertThat(raised.threshold()).isEqualTo(0.9);
            assertThat(raised.detail()).isEqualTo("95 % used");
            assertThat(raised.monitorId()).isEqualTo("monitor-a");
        });
        assertThat(rounds.get(1)).singleElement().isInstanceOf(TargetHealthReported.class);
        assertThat(rounds.get(2)).hasSize(3);
        assertThat(rounds.get(2).get(0)).isInstanceOfSatisfying(TargetWarningCleared.class, cleared -> {
            assertThat(cleared.resource()).isEqualTo(WatchedResource.DISK);
            assertThat(cleared.used()).isEqualTo(0.5);
            assertThat(cleared.monitorId()).isEqualTo("monitor-a");
        });
        assertThat(rounds.get(2).get(1)).isInstanceOfSatisfying(TargetWarningRaised.class, raised -> {
            assertThat(raised.resource()).isEqualTo(WatchedResource.MEMORY);
            assertThat(raised.threshold()).isEqualTo(0.8);
        });
        assertThat(rounds.get(3)).singleElement().isInstanceOf(TargetHealthReported.class);
    }

    @Test
    void countsAProbeThatThrowsAsAFailedProbe() {
        primary.throwsOnce("driver bug");
        TargetMonitor monitor = monitor(primary, replica);

        TargetHealthReported report = (TargetHealthReported) round(monitor).get(0);

        assertThat(report.status()).isEqualTo(HealthStatus.SUSPECT);
        assertThat(report.observations()).filteredOn(o -> !o.ok()).singleElement().satisfies(failed -> {
            assertThat(failed.probe()).isEqualTo("primary");
            assertThat(failed.instance()).isEqualTo("db1:5432");
            assertThat(failed.error()).contains("IllegalStateException").contains("driver bug");
        });
    }

    @Test
    void showsTheLastRoundInItsSnapshotAndClosesItsProbes() {
        primary.fails("refused");
        TargetMonitor monitor = monitor(primary);
        assertThat(monitor.snapshot().lastRoundAt()).isNull();

        round(monitor);
        monitor.close();

        assertThat(monitor.snapshot().status()).isEqualTo(HealthStatus.SUSPECT);
        assertThat(monitor.snapshot().consecutiveFailures()).isEqualTo(1);
        assertThat(monitor.snapshot().observations()).extracting(ProbeObservation::error).containsExactly("refused");
        assertThat(primary.closed()).isTrue();
    }

    @Test
    void writesEveryMessageAsAValidCloudEventKeyedByTheTarget() {
        primary.fails("refused").fails("refused").throwsOnce("driver bug").passes(disk(0.95)).passes(disk(0.2),
                memory(0.99));
        TargetMonitor monitor = monitor(primary, new FakeProbe("host", ""));
        List<LifeboatMessage> messages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            messages.addAll(round(monitor));
        }
        EventCodec codec = new EventCodec();

        List<ProducerRecord<String, byte[]>> records = messages.stream()
                .map(m -> codec.encode(Envelope.of(Envelope.sourceOf("health-monitor"), m))).toList();

        assertThat(records).hasSize(11).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(Topics.HEALTH.name());
            assertThat(record.key()).isEqualTo("orders-db");
        });
    }

    private TargetMonitor monitor(Probe... probes) {
        return new TargetMonitor(ORDERS_DB, List.of(probes), "monitor-a", clock, executor);
    }

    private List<LifeboatMessage> round(TargetMonitor monitor) {
        List<LifeboatMessage> messages = monitor.runRound();
        clock.advance(INTERVAL);
        return messages;
    }

    private static List<HealthStatus> statuses(List<List<LifeboatMessage>> rounds) {
        return rounds.stream().map(m -> ((TargetHealthReported) m.get(m.size() - 1)).status()).toList();
    }

    private static ResourceUsage disk(double used) {
        return new ResourceUsage(WatchedResource.DISK, "/var/lib/postgresql", used, Math.round(used * 100)
                + " % used");
    }

    private static ResourceUsage memory(double used) {
        return new ResourceUsage(WatchedResource.MEMORY, "db1", used, null);
    }
}
