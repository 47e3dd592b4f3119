package io.lifeboat.events.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * One row of a labelled gauge: its value and the labels it is exported under.
 *
 * @param tags the labels, e.g. {@code target} and {@code type}
 * @param value the value
 */
public record GaugeReading(Tags tags, double value) {
}
