package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class PostgresLagTest {

    @Test
    void isZeroForAStandbyThatReplayedAllItReceivedHoweverOldItsLastTransaction() {
        assertThat(PostgresProbe.lag(0L, 86_400.0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void isTheAgeOfTheLastReplayedTransactionWhileWalWaitsToBeReplayed() {
        assertThat(PostgresProbe.lag(8192L, 12.5)).isEqualTo(Duration.ofMillis(12_500));
    }

    @Test
    void isTheAgeOfTheLastReplayedTransactionWithoutAWalReceiver() {
        assertThat(PostgresProbe.lag(null, 3.0)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void isUnknownWhenNothingWasReplayedYetAndWalWaits() {
        assertThat(PostgresProbe.lag(8192L, null)).isNull();
    }
}
