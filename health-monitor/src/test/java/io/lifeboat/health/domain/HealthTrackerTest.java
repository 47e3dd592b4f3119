package io.lifeboat.health.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.ProbeObservation;

class HealthTrackerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final HealthTracker tracker = new HealthTracker(Hysteresis.DEFAULTS);
    private int rounds;

    @Test
    void staysSilentButSuspectAfterOneFailedRound() {
        assertThat(fail()).isEmpty();
        assertThat(tracker.status()).isEqualTo(HealthStatus.SUSPECT);
        assertThat(tracker.consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void staysSilentAndTurnsHealthyWhenTwoFailuresAreFollowedByAPass() {
        List<Optional<HealthTransition>> transitions = List.of(fail(), fail(), pass());

        assertThat(transitions).allMatch(Optional::isEmpty);
        assertThat(tracker.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(tracker.consecutiveFailures()).isZero();
    }

    @Test
    void reportsOneOutageNamingTheProbeAfterThreeFailedRoundsInARow() {
        fail();
        fail();
        Optional<HealthTransition> third = fail();

        assertThat(third).containsInstanceOf(HealthTransition.BecameUnhealthy.class);
        var down = (HealthTransition.BecameUnhealthy) third.orElseThrow();
        assertThat(down.probe()).isEqualTo("primary");
        assertThat(down.instance()).isEqualTo("db1:5432");
        assertThat(down.error()).isEqualTo("connection refused");
        assertThat(down.consecutiveFailures()).isEqualTo(3);
        assertThat(down.firstFailureAt()).isEqualTo(T0);
        assertThat(down.detectedAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(2)));
        assertThat(tracker.status()).isEqualTo(HealthStatus.UNHEALTHY);
    }

    @Test
    void reportsNothingNewOnAFourthFailureNorOnASinglePassOfAnOutage() {
        fail();
        fail();
        fail();

        assertThat(fail()).isEmpty();
        assertThat(tracker.consecutiveFailures()).isEqualTo(4);
        assertThat(pass()).isEmpty();
        assertThat(tracker.status()).isEqualTo(HealthStatus.UNHEALTHY);
    }

    @Test
    void reportsOneRecoveryWithTheDowntimeAfterTwoPassesInARow() {
        List<Optional<HealthTransition>> transitions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            transitions.add(fail());
        }
        transitions.add(pass());
        transitions.add(pass());
        transitions.add(pass());

        assertThat(transitions.stream().flatMap(Optional::stream)
                .filter(HealthTransition.Recovered.class::isInstance)).hasSize(1);
        var up = (HealthTransition.Recovered) transitions.get(5).orElseThrow();
        assertThat(up.probe()).isEqualTo("primary");
        assertThat(up.consecutiveSuccesses()).isEqualTo(2);
        assertThat(up.downtime()).isEqualTo(INTERVAL.multipliedBy(5));
        assertThat(up.recoveredAt()).isEqualTo(T0.plus(INTERVAL.multipliedBy(5)));
        assertThat(tracker.status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void neverReportsAnOutageWhenRoundsFlapBetweenFailureAndPassFor20Rounds() {
        List<Optional<HealthTransition>> transitions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            transitions.add(fail());
            transitions.add(pass());
        }

        assertThat(transitions).allMatch(Optional::isEmpty);
        assertThat(tracker.status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void countsTheOutageFromItsFirstFailureWhenAPassInterruptsIt() {
        fail();
        fail();
        fail();
        pass();
        fail();
        pass();
        Optional<HealthTransition> recovery = pass();

        var up = (HealthTransition.Recovered) recovery.orElseThrow();
        assertThat(up.downtime()).isEqualTo(INTERVAL.multipliedBy(6));
    }

    @Test
    void reportsATargetDownFromTheStartOnlyAfterTheThreshold() {
        HealthTracker strict = new HealthTracker(new Hysteresis(1, 1));

        assertThat(strict.record(round(false))).containsInstanceOf(HealthTransition.BecameUnhealthy.class);
        assertThat(strict.record(round(true))).containsInstanceOf(HealthTransition.Recovered.class);
    }

    @Test
    void failsARoundWhenAnyProbeFailsAndNamesTheFailingOne() {
        Instant at = T0;
        ProbeRound mixed = new ProbeRound(at, at, List.of(
                new ProbeObservation("replica", "db2:5432", true, null, "standby", null, null),
                new ProbeObservation("primary", "db1:5432", false, null, null, null, "timeout")));
        HealthTracker strict = new HealthTracker(new Hysteresis(1, 1));

        var down = (HealthTransition.BecameUnhealthy) strict.record(mixed).orElseThrow();

        assertThat(down.probe()).isEqualTo("primary");
        assertThat(down.error()).isEqualTo("timeout");
    }

    private Optional<HealthTransition> fail() {
        return tracker.record(round(false));
    }

    private Optional<HealthTransition> pass() {
        return tracker.record(round(true));
    }

    private ProbeRound round(boolean ok) {
        Instant at = T0.plus(INTERVAL.multipliedBy(rounds++));
        return new ProbeRound(at, at, List.of(new ProbeObservation("primary", "db1:5432", ok,
                Duration.ofMillis(3), ok ? "primary" : null, null, ok ? null : "connection refused")));
    }
}
