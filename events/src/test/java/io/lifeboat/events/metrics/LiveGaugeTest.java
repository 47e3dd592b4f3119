package io.lifeboat.events.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class LiveGaugeTest {

    private static final Tags A = Tags.of("target", "a");
    private static final Tags B = Tags.of("target", "b");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final LiveGauge gauge = new LiveGauge(registry, "lifeboat.test.seconds", "a test gauge");

    @Test
    void aRefreshChangesTheValueOfTheMeterThatIsAlreadyRegistered() {
        gauge.set(List.of(new GaugeReading(A, 1.5)));
        Gauge first = meter(A);

        gauge.set(List.of(new GaugeReading(A, 42.0)));

        // The same meter, never removed: a scrape between two refreshes always finds the row.
        assertThat(meter(A)).isSameAs(first);
        assertThat(first.value()).isEqualTo(42.0);
    }

    @Test
    void rowsThatAreGoneDisappearAndMayComeBack() {
        gauge.set(List.of(new GaugeReading(A, 1.0), new GaugeReading(B, 2.0)));

        gauge.set(List.of(new GaugeReading(B, 3.0)));
        assertThat(registry.find("lifeboat.test.seconds").tags(A).gauge()).isNull();
        assertThat(meter(B).value()).isEqualTo(3.0);

        gauge.set(List.of(new GaugeReading(A, 7.0), new GaugeReading(B, 3.0)));
        assertThat(meter(A).value()).isEqualTo(7.0);
        assertThat(registry.find("lifeboat.test.seconds").gauges()).hasSize(2);
    }

    @Test
    void noReadingsLeaveNoRows() {
        gauge.set(List.of(new GaugeReading(A, 1.0)));

        gauge.set(List.of());

        assertThat(registry.find("lifeboat.test.seconds").gauges()).isEmpty();
    }

    private Gauge meter(Tags tags) {
        Gauge found = registry.find("lifeboat.test.seconds").tags(tags).gauge();
        assertThat(found).as("gauge row %s", tags).isNotNull();
        return found;
    }
}
