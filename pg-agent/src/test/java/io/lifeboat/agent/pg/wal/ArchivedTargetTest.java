package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ArchivedTargetTest {

    @Test
    void backoffStartsAtFiveSecondsDoublesAndStopsAtOneMinute() {
        assertThat(ArchivedTarget.backoff(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ArchivedTarget.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(ArchivedTarget.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(ArchivedTarget.backoff(4)).isEqualTo(Duration.ofSeconds(60));
        assertThat(ArchivedTarget.backoff(1_000)).isEqualTo(Duration.ofSeconds(60));
    }
}
