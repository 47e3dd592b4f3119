package io.lifeboat.cli.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.RestoreScenario;

class RestoreChoiceTest {

    private static final Instant T = Instant.parse("2026-11-21T09:41:59Z");

    @Test
    void replaysToThePointInTimeWhenOnlyAtIsGiven() {
        assertThat(RestoreChoice.of(null, T, null, null))
                .isEqualTo(new RestoreChoice(RestoreScenario.POINT_IN_TIME, T, null));
    }

    @Test
    void keepsTheScenarioGivenWithAt() {
        assertThat(RestoreChoice.of(RestoreScenario.DATA_LOSS, T, null, null))
                .isEqualTo(new RestoreChoice(RestoreScenario.DATA_LOSS, T, null));
    }

    @Test
    void restoresANamedBackupAsItIsAsCorruption() {
        assertThat(RestoreChoice.of(null, null, "bk-123", null))
                .isEqualTo(new RestoreChoice(RestoreScenario.CORRUPTION, null, "bk-123"));
    }

    @Test
    void restoresTheNewestBackupBeforeTheInstantAsCorruptionDetectedThen() {
        assertThat(RestoreChoice.of(null, null, null, T))
                .isEqualTo(new RestoreChoice(RestoreScenario.CORRUPTION, T, null));
    }

    @Test
    void takesNoPointForACompleteFailureOfAGroup() {
        assertThat(RestoreChoice.of(RestoreScenario.COMPLETE_FAILURE, null, null, null))
                .isEqualTo(new RestoreChoice(RestoreScenario.COMPLETE_FAILURE, null, null));
    }

    @Test
    void refusesTwoWaysOfChoosingThePointAtOnce() {
        assertThatThrownBy(() -> RestoreChoice.of(null, T, "bk-123", null))
                .hasMessageContaining("exactly one of --at TIME, --backup ID or --latest-before TIME");
    }

    @Test
    void refusesAReplayScenarioWithoutAPoint() {
        assertThatThrownBy(() -> RestoreChoice.of(RestoreScenario.DATA_LOSS, null, "bk-123", null))
                .hasMessageContaining("--scenario DATA_LOSS replays the log to a point");
    }

    @Test
    void readsInstantsWithAnOffset() {
        assertThat(Times.parse("--at", "2026-11-21T10:41:59+01:00")).isEqualTo(T);
        assertThatThrownBy(() -> Times.parse("--at", "yesterday")).hasMessageContaining("--at takes an ISO-8601");
    }
}
