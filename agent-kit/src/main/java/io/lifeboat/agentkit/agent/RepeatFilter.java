package io.lifeboat.agentkit.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Lets the same report through at most once per interval; a different report always passes (and resets it). */
public final class RepeatFilter {

    private final Duration interval;
    private final Clock clock;
    private Object lastKey;
    private Instant lastPassed;

    /** A filter that lets a repeated report through once per {@code interval} of {@code clock}. */
    public RepeatFilter(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    /** Whether a report identified by {@code key} should go out now; remembers it when it does. */
    public synchronized boolean pass(Object key) {
        Instant now = clock.instant();
        if (Objects.equals(key, lastKey) && lastPassed != null && now.isBefore(lastPassed.plus(interval))) {
            return false;
        }
        lastKey = key;
        lastPassed = now;
        return true;
    }
}
