package io.lifeboat.events.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Tags;

class GaugeReadingTest {

    @Test
    void labelsAreListedInKeyOrder() {
        assertThat(new GaugeReading(Tags.of("type", "FULL", "target", "db"), 1).labels()).isEqualTo(
                "target=db,type=FULL");
    }
}
