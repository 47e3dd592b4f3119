package io.lifeboat.agent.pg.cdc;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.debezium.engine.DebeziumEngine;

/**
 * Keeps one target's Debezium engine running on a thread of its own: prepares and runs it, and after a failure logs
 * the cause and starts a new one after a backoff (5 s, doubling, at most 60 s; reset by a processed batch). A
 * {@link ChangeCaptureRefused} stops the target until the next start.
 */
final class CapturedTarget {

    private static final Logger LOG = Logger.getLogger(CapturedTarget.class);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(5);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(30);

    /** Prepares the server side (publication) and builds an engine that reports its end to {@code callback}. */
    interface Engines {
        DebeziumEngine<?> prepare(DebeziumEngine.CompletionCallback callback) throws Exception;
    }

    private final String targetId;
    private final Engines engines;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService thread;
    private final AtomicInteger failures = new AtomicInteger();
    private DebeziumEngine<?> current;
    private Future<?> running;
    private boolean stopped = true;

    CapturedTarget(String targetId, Engines engines, ScheduledExecutorService scheduler) {
        this.targetId = targetId;
        this.engines = engines;
        this.scheduler = scheduler;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread t = new Thread(runnable, "change-capture-" + targetId);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts capture unless it is running; returns at once, the engine connects on the target's thread. */
    synchronized void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        submit();
    }

    /** Stops the engine (which commits the offsets of what was acknowledged) and waits until it has ended. */
    void stop() {
        Future<?> run;
        DebeziumEngine<?> engine;
        synchronized (this) {
            stopped = true;
            run = running;
            engine = current;
            current = null;
        }
        // Outside the lock: the engine's completion callback, which takes it, may run before close() returns.
        closeEngine(engine);
        if (run != null) {
            try {
                run.get(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("change capture of target '%s' did not stop cleanly: %s", targetId, e.toString());
            }
        }
    }

    /** Stops for good and releases the thread. */
    void close() {
        stop();
        thread.shutdownNow();
    }

    /** A batch went through: the next failure starts from the first backoff again. */
    void progressed() {
        failures.set(0);
    }

    /** The delay before the {@code n}-th restart in a row (0-based). */
    static Duration backoff(int n) {
        Duration delay = FIRST_BACKOFF.multipliedBy(1L << Math.min(n, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private synchronized void submit() {
        if (stopped) {
            return;
        }
        try {
            running = thread.submit(this::run);
        } catch (RejectedExecutionException e) {
            LOG.debugf("change capture of target '%s' not restarted: the agent is stopping", targetId);
        }
    }

    private void run() {
        DebeziumEngine<?> engine;
        try {
            engine = engines.prepare(this::completed);
        } catch (ChangeCaptureRefused e) {
            LOG.error(e.getMessage());
            synchronized (this) {
                stopped = true;
            }
            return;
        } catch (Exception e) {
            failed(e.toString(), e);
            return;
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            current = engine;
        }
        engine.run();
    }

    private void completed(boolean success, String message, Throwable error) {
        synchronized (this) {
            current = null;
            if (stopped) {
                return;
            }
        }
        failed(error != null ? error.toString() : message, error);
    }

    private void failed(String reason, Throwable error) {
        Duration delay = backoff(failures.getAndIncrement());
        LOG.warnf(error, "change capture of target '%s' stopped: %s; restarting in %ss", targetId, reason,
                delay.toSeconds());
        try {
            scheduler.schedule(this::submit, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debugf("change capture of target '%s' not restarted: the agent is stopping", targetId);
        }
    }

    private void closeEngine(DebeziumEngine<?> engine) {
        if (engine == null) {
            return;
        }
        try {
            engine.close();
        } catch (IOException e) {
            LOG.warnf("unable to stop the change capture engine of target '%s': %s", targetId, e.toString());
        }
    }
}
