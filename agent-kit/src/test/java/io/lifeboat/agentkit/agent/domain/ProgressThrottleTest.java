package io.lifeboat.agentkit.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @Test
    void reportsAtMostOncePerInterval() {
        ProgressThrottle throttle = new ProgressThrottle(Duration.ofSeconds(5), T0);

        assertThat(throttle.due(T0.plusSeconds(4), 100)).isFalse();
        assertThat(throttle.due(T0.plusSeconds(5), 200)).isTrue();
        assertThat(throttle.due(T0.plusSeconds(9), 300)).isFalse();
        assertThat(throttle.due(T0.plusSeconds(10), 400)).isTrue();
    }

    @Test
    void staysQuietWhileNoBytesMoved() {
        ProgressThrottle throttle = new ProgressThrottle(Duration.ofSeconds(5), T0);
        assertThat(throttle.due(T0.plusSeconds(5), 100)).isTrue();

        assertThat(throttle.due(T0.plusSeconds(60), 100)).isFalse();
        assertThat(throttle.due(T0.plusSeconds(61), 101)).isTrue();
    }

    @Test
    void computesTheRateBetweenTwoObservationsAndRefusesAnEmptyInterval() {
        assertThat(ProgressThrottle.rate(0, T0, 10_000, T0.plusSeconds(4))).isEqualTo(2_500.0);
        assertThat(ProgressThrottle.rate(0, T0, 10_000, T0)).isZero();
        assertThatThrownBy(() -> new ProgressThrottle(Duration.ZERO, T0)).hasMessageContaining("PT0S");
    }
}
