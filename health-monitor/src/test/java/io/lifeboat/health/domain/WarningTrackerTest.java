package io.lifeboat.health.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WarningTrackerTest {

    private final WarningTracker disk = new WarningTracker(0.9);

    @Test
    void raisesOnceAboveTheThresholdAndClearsOnlyUnderTheMargin() {
        assertThat(disk.observe(0.91)).contains(WarningChange.RAISED);
        assertThat(disk.observe(0.93)).isEmpty();
        assertThat(disk.observe(0.87)).isEmpty();
        assertThat(disk.raised()).isTrue();
        assertThat(disk.observe(0.84)).contains(WarningChange.CLEARED);
        assertThat(disk.raised()).isFalse();
    }

    @Test
    void staysQuietUnderTheThresholdAndAtItExactly() {
        assertThat(disk.observe(0.5)).isEmpty();
        assertThat(disk.observe(0.9)).isEmpty();
        assertThat(disk.observe(0.84)).isEmpty();
    }

    @Test
    void raisesAgainAfterAClearing() {
        disk.observe(0.95);
        disk.observe(0.80);

        assertThat(disk.observe(0.92)).contains(WarningChange.RAISED);
    }

    @Test
    void refusesAThresholdOutsideAFraction() {
        assertThatThrownBy(() -> new WarningTracker(1.5)).hasMessageContaining("1.5");
    }
}
