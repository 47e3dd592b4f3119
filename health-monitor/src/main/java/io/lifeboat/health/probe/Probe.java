package io.lifeboat.health.probe;

import java.time.Duration;

/**
 * One check of one member of a target (a PostgreSQL server, a Redis node, a path, a URL, a port); never throws for a
 * failing target: the failure is in the result.
 */
public interface Probe extends AutoCloseable {

    /**
     * Returns the probe's name within its target.
     *
     * @return the name, e.g. {@code primary}
     */
    String name();

    /**
     * Returns what the probe reaches.
     *
     * @return host and port, URL or path
     */
    String instance();

    /**
     * Runs the check once, giving up after {@code timeout}.
     *
     * @param timeout the longest the check may take
     * @return the outcome and any resource usage measured
     */
    ProbeResult probe(Duration timeout);

    /** Releases the probe's clients. */
    @Override
    void close();
}
