package io.lifeboat.catalog.metrics;

import io.micrometer.core.instrument.Tags;

/**
 * One value of a per-target gauge, with the labels it is exported under.
 *
 * @param tags the labels, {@code target} and where it applies {@code type}
 * @param value the value
 */
public record GaugeReading(Tags tags, double value) {
}
