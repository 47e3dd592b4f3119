package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void writesDurationsInMillisecondsBelowASecondAndSecondsAbove() {
        assertThat(Words.duration(Duration.ofMillis(300))).isEqualTo("300 ms");
        assertThat(Words.duration(Duration.ofSeconds(3))).isEqualTo("3 s");
        assertThat(Words.duration(Duration.ofMillis(1500))).isEqualTo("1.5 s");
    }

    @Test
    void writesSizesInBinaryUnitsWithOneDecimal() {
        assertThat(Words.bytes(512)).isEqualTo("512 B");
        assertThat(Words.bytes(50L << 30)).isEqualTo("50 GiB");
        assertThat(Words.bytes((long) (46.2 * (1L << 30)))).isEqualTo("46.2 GiB");
    }
}
