package io.lifeboat.agentkit.agent.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when a running backup reports progress: at most once per interval, and only when bytes moved since the
 * last report; also computes the rate between two reports for the log.
 */
public final class ProgressThrottle {

    private final Duration interval;
    private Instant lastAt;
    private long lastRawBytes;

    /** A throttle that allows the first report one {@code interval} after {@code startedAt}. */
    public ProgressThrottle(Duration interval, Instant startedAt) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("progress interval " + interval + " must be positive");
        }
        this.interval = interval;
        this.lastAt = startedAt;
    }

    /** True when a report of {@code rawBytes} at {@code now} is due; a true answer records it as the last report. */
    public synchronized boolean due(Instant now, long rawBytes) {
        if (Duration.between(lastAt, now).compareTo(interval) < 0 || rawBytes == lastRawBytes) {
            return false;
        }
        lastAt = now;
        lastRawBytes = rawBytes;
        return true;
    }

    /** Raw bytes per second between two observations; zero when no time passed. */
    public static double rate(long fromBytes, Instant from, long toBytes, Instant to) {
        long millis = Duration.between(from, to).toMillis();
        return millis <= 0 ? 0 : (toBytes - fromBytes) * 1000.0 / millis;
    }
}
