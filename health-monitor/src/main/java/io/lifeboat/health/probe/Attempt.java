package io.lifeboat.health.probe;

import java.time.Duration;

/**
 * One run of a check: its time budget and the step it is on, so that a timeout says what it was waiting for.
 */
final class Attempt {

    private final Duration timeout;
    private volatile String step = "connect";

    Attempt(Duration timeout) {
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    /** The timeout in whole milliseconds, at least 1, for drivers that take an int. */
    int timeoutMillis() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** The timeout in whole seconds rounded up, at least 1, for drivers that count in seconds. */
    int timeoutSeconds() {
        long millis = timeout.toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
    }

    String step() {
        return step;
    }

    void step(String now) {
        step = now;
    }
}
