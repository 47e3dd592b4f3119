package io.lifeboat.events.metrics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's gauge refresh on a daemon thread of its own, at a fixed delay; a refresh that fails leaves the
 * gauges as they were and the next one runs as planned.
 */
public final class GaugeRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GaugeRefresher.class);

    private final String name;
    private final Runnable refresh;
    private final List<Class<? extends RuntimeException>> expected;
    private final ScheduledExecutorService timer;

    private GaugeRefresher(String name, Runnable refresh, List<Class<? extends RuntimeException>> expected) {
        this.name = name;
        this.refresh = refresh;
        this.expected = expected;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts refreshing at once, then {@code period} after each refresh ends.
     *
     * @param name the thread's name, e.g. {@code lifeboat-catalog-metrics}
     * @param period the delay between two refreshes; at least a millisecond is used
     * @param refresh what computes and writes the gauges
     * @param expected failures of a service that is starting, rebalancing or stopping, logged at debug level only
     * @return the running refresher; close it before what the refresh reads closes
     */
    @SafeVarargs
    public static GaugeRefresher every(String name, Duration period, Runnable refresh,
            Class<? extends RuntimeException>... expected) {
        GaugeRefresher refresher = new GaugeRefresher(name, refresh, List.of(expected));
        refresher.timer.scheduleWithFixedDelay(refresher::refreshQuietly, 0, Math.max(1, period.toMillis()),
                TimeUnit.MILLISECONDS);
        return refresher;
    }

    // Catches everything: an exception escaping a scheduled task would cancel every later refresh.
    private void refreshQuietly() {
        try {
            refresh.run();
        } catch (RuntimeException e) {
            if (expected.stream().anyMatch(type -> type.isInstance(e))) {
                LOG.debug("{}: gauges keep their last values: {}", name, e.getMessage());
            } else {
                LOG.warn("{}: unable to refresh the gauges; they keep their last values", name, e);
            }
        }
    }

    /** Stops refreshing; a refresh under way is interrupted. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
