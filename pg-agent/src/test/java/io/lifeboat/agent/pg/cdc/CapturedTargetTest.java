package io.lifeboat.agent.pg.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class CapturedTargetTest {

    @Test
    void backoffStartsAtFiveSecondsDoublesAndStopsAtOneMinute() {
        assertThat(CapturedTarget.backoff(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(CapturedTarget.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(CapturedTarget.backoff(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(CapturedTarget.backoff(1_000)).isEqualTo(Duration.ofSeconds(60));
    }
}
