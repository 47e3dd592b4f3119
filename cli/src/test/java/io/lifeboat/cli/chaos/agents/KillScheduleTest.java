package io.lifeboat.cli.chaos.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class KillScheduleTest {

    @Test
    void everyEngineMeetsEveryMomentInFiveRoundsAndNoneStartsNearTheEnd() {
        for (int engine = 0; engine < 4; engine++) {
            List<KillMoment> moments = KillSchedule.of(engine, 5);

            assertThat(EnumSet.copyOf(moments)).isEqualTo(EnumSet.allOf(KillMoment.class));
            assertThat(moments.get(0)).isNotEqualTo(KillMoment.NEAR_END);
        }
    }

    @Test
    void enginesKilledAtTheSameTimeAreKilledAtDifferentMoments() {
        for (int round = 0; round < 5; round++) {
            int r = round;
            List<KillMoment> sameRound = List.of(0, 1, 2, 3).stream().map(e -> KillSchedule.of(e, 5).get(r))
                    .toList();

            assertThat(sameRound).doesNotHaveDuplicates();
        }
    }

    @Test
    void refusesAFifthEngineBecauseItWouldStartNearTheEnd() {
        assertThatThrownBy(() -> KillSchedule.of(4, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("engine index 4");
    }

    @Test
    void killsNearTheEndAtFourFifthsOfTheMeasuredTimeOrAfterTheFallback() {
        assertThat(KillSchedule.nearEndDelayMillis(5_000, 2_000)).isEqualTo(4_000);
        assertThat(KillSchedule.nearEndDelayMillis(0, 2_000)).isEqualTo(2_000);
    }
}
