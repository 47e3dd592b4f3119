package io.lifeboat.health.domain;

/**
 * How many probe rounds in a row turn a target unhealthy and healthy again.
 *
 * @param failuresToUnhealthy failed rounds in a row that make an outage, at least 1
 * @param successesToRecovered passed rounds in a row that end an outage, at least 1
 */
public record Hysteresis(int failuresToUnhealthy, int successesToRecovered) {

    /** The seeds' defaults: three failures make an outage, two passes end it. */
    public static final Hysteresis DEFAULTS = new Hysteresis(3, 2);

    /**
     * Validates both counts.
     */
    public Hysteresis {
        if (failuresToUnhealthy < 1) {
            throw new IllegalArgumentException("failuresToUnhealthy must be at least 1, was " + failuresToUnhealthy);
        }
        if (successesToRecovered < 1) {
            throw new IllegalArgumentException("successesToRecovered must be at least 1, was " + successesToRecovered);
        }
    }
}
