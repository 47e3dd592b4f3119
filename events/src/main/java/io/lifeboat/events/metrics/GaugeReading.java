package io.lifeboat.events.metrics;

import java.util.stream.Collectors;

import io.micrometer.core.instrument.Tags;

/**
 * One row of a labelled gauge: its value and the labels it is exported under.
 *
 * @param tags the labels, e.g. {@code target} and {@code type}
 * @param value the value
 */
public record GaugeReading(Tags tags, double value) {

    /**
     * The labels as {@code key=value} pairs in key order, comma-separated, e.g. {@code target=db,type=FULL}.
     *
     * @return the labels in one line
     */
    public String labels() {
        return tags.stream().map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(","));
    }
}
