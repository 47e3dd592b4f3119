package io.lifeboat.events.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * A labelled gauge whose rows keep their meters from one refresh to the next, so that a scrape never finds a row
 * missing while its value changes.
 *
 * <p>
 * {@link MultiGauge#register(Iterable, boolean)} with {@code overwrite} removes a row's meter and registers a new one,
 * and a scrape between the two misses the row. Here each row reads a holder that stays registered; a refresh only
 * writes the holders, adds the rows that are new and drops the rows that are gone.
 */
public final class LiveGauge {

    private final MultiGauge gauge;
    private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

    /**
     * Registers the gauge, with no rows yet.
     *
     * @param registry where the gauge is registered
     * @param name the gauge's name, e.g. {@code lifeboat.rpo.lag.seconds}
     * @param description what it measures
     */
    public LiveGauge(MeterRegistry registry, String name, String description) {
        this.gauge = MultiGauge.builder(name).description(description).register(registry);
    }

    /**
     * Makes the readings the gauge's rows: their values, and no row that is not among them.
     *
     * @param readings every row the gauge has from now on
     */
    public synchronized void set(List<GaugeReading> readings) {
        Map<Tags, Double> fresh = new LinkedHashMap<>();
        readings.forEach(reading -> fresh.put(reading.tags(), reading.value()));
        values.keySet().retainAll(fresh.keySet());
        fresh.forEach((tags, value) -> values.computeIfAbsent(tags, t -> new AtomicLong())
                .set(Double.doubleToRawLongBits(value)));
        gauge.register(values.entrySet().stream()
                .map(row -> MultiGauge.Row.of(row.getKey(), row.getValue(), LiveGauge::read))
                .toList(), false);
    }

    private static double read(AtomicLong bits) {
        return Double.longBitsToDouble(bits.get());
    }
}
