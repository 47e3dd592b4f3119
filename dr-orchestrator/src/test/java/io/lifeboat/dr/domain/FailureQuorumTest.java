package io.lifeboat.dr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.health.TargetHealthReported;

class FailureQuorumTest {

    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private final FailureQuorum quorum = new FailureQuorum(3);

    @Test
    void declaresThePrimaryDownWhenAllThreeMonitorsReportUnhealthy() {
        QuorumVerdict verdict = quorum.decide(List.of(report("m1", HealthStatus.UNHEALTHY, 5),
                report("m2", HealthStatus.UNHEALTHY, 5), report("m3", HealthStatus.UNHEALTHY, 5)), NOW);

        assertThat(verdict.down()).isTrue();
        assertThat(verdict.agreeing()).containsExactly("m1", "m2", "m3");
        assertThat(verdict.required()).isEqualTo(2);
    }

    @Test
    void declaresThePrimaryDownWhenTwoOfThreeMonitorsReportUnhealthy() {
        QuorumVerdict verdict = quorum.decide(List.of(report("m1", HealthStatus.UNHEALTHY, 5),
                report("m2", HealthStatus.HEALTHY, 5), report("m3", HealthStatus.UNHEALTHY, 5)), NOW);

        assertThat(verdict.down()).isTrue();
        assertThat(verdict.agreeing()).containsExactly("m1", "m3");
        assertThat(verdict.live()).containsExactly("m1", "m2", "m3");
    }

    @Test
    void keepsThePrimaryWhenOnePartitionedMonitorReportsUnhealthyAndTwoReportHealthy() {
        QuorumVerdict verdict = quorum.decide(List.of(report("m1", HealthStatus.UNHEALTHY, 5),
                report("m2", HealthStatus.HEALTHY, 5), report("m3", HealthStatus.HEALTHY, 5)), NOW);

        assertThat(verdict.down()).isFalse();
        assertThat(verdict.agreeing()).containsExactly("m1");
        assertThat(verdict.reason()).contains("1 of 3", "2 required", "no quorum");
    }

    @Test
    void keepsThePrimaryWhenTwoOfThreeMonitorsAreStaleAndTheThirdReportsUnhealthy() {
        // Stale after 3 x 10 s: reports 30 s and 45 s old no longer count; the lone live monitor cannot decide.
        QuorumVerdict verdict = quorum.decide(List.of(report("m1", HealthStatus.UNHEALTHY, 30),
                report("m2", HealthStatus.UNHEALTHY, 45), report("m3", HealthStatus.UNHEALTHY, 5)), NOW);

        assertThat(verdict.down()).isFalse();
        assertThat(verdict.live()).containsExactly("m3");
        assertThat(verdict.agreeing()).containsExactly("m3");
        assertThat(verdict.required()).isEqualTo(2);
    }

    @Test
    void countsAReportJustUnderThreeIntervalsOld() {
        QuorumVerdict verdict = quorum.decide(List.of(report("m1", HealthStatus.UNHEALTHY, 29),
                report("m2", HealthStatus.UNHEALTHY, 29)), NOW);

        assertThat(verdict.down()).isTrue();
        assertThat(verdict.live()).containsExactly("m1", "m2");
    }

    @Test
    void neverCountsSuspectAsDown() {
        QuorumVerdict verdict = quorum.decide(List.of(report("m1", HealthStatus.SUSPECT, 5),
                report("m2", HealthStatus.SUSPECT, 5), report("m3", HealthStatus.UNHEALTHY, 5)), NOW);

        assertThat(verdict.down()).isFalse();
        assertThat(verdict.agreeing()).containsExactly("m3");
    }

    @Test
    void rejectsReportsAboutDifferentTargets() {
        TargetHealthReported other = new TargetHealthReported("billing-db", Engine.POSTGRES, "m2",
                HealthStatus.UNHEALTHY, 3, List.of(), INTERVAL, NOW);

        assertThatThrownBy(() -> quorum.decide(List.of(report("m1", HealthStatus.UNHEALTHY, 5), other), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders-db")
                .hasMessageContaining("billing-db");
    }

    @Test
    void picksTheLeastLaggingStandbyWithinTheMaximumLag() {
        StandbyChoice choice = new StandbySelection().choose(List.of(member("db-1:5432", "primary", false, null),
                member("db-2:5432", "standby", true, Duration.ofSeconds(4)),
                member("db-3:5432", "standby", true, Duration.ofSeconds(1))));

        assertThat(choice.chosen()).contains("db-3:5432");
        assertThat(choice.replicationLag()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void passesOverAStandbyLaggingMoreThanTheMaximum() {
        StandbyChoice choice = new StandbySelection(Duration.ofSeconds(10)).choose(List.of(
                member("db-2:5432", "standby", true, Duration.ofSeconds(11)),
                member("db-3:5432", "standby", true, Duration.ofSeconds(10))));

        assertThat(choice.chosen()).contains("db-3:5432");
        assertThat(choice.reason()).contains("db-2:5432 lags PT11S, more than the maximum PT10S");
    }

    @Test
    void judgesAStandbyByItsWorstSightingAcrossMonitors() {
        StandbyChoice choice = new StandbySelection().choose(List.of(
                member("db-2:5432", "standby", true, Duration.ofSeconds(1)),
                member("db-2:5432", "standby", true, Duration.ofSeconds(40))));

        assertThat(choice.chosen()).isEmpty();
    }

    @Test
    void namesEveryCandidateAndWhyWhenNoStandbyIsFit() {
        StandbyChoice choice = new StandbySelection().choose(List.of(member("db-1:5432", "primary", false, null),
                member("db-2:5432", "standby", true, Duration.ofMinutes(2)),
                new ProbeObservation("postgres", "db-3:5432", false, null, "standby", null, "connection refused"),
                member("db-4:5432", "standby", true, null)));

        assertThat(choice.chosen()).isEmpty();
        assertThat(choice.reason()).contains("no standby fit for promotion (maximum lag PT10S)",
                "db-1:5432 is not a standby (role primary)", "db-2:5432 lags PT2M, more than the maximum PT10S",
                "db-3:5432 failed its probe: connection refused", "db-4:5432 reported no replication lag");
    }

    private static TargetHealthReported report(String monitorId, HealthStatus status, long secondsAgo) {
        return new TargetHealthReported("orders-db", Engine.POSTGRES, monitorId, status,
                status == HealthStatus.HEALTHY ? 0 : 3, List.of(), INTERVAL, NOW.minusSeconds(secondsAgo));
    }

    private static ProbeObservation member(String instance, String role, boolean ok, Duration lag) {
        return new ProbeObservation("postgres", instance, ok, Duration.ofMillis(3), role, lag, ok ? null : "down");
    }
}
