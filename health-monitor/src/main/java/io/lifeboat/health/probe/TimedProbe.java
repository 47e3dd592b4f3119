package io.lifeboat.health.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.lifeboat.events.health.ProbeObservation;

/**
 * A probe whose check runs on a worker thread so that the caller gets an answer within the timeout even when a
 * server accepts the connection and then never answers; drivers get the same timeout so that the worker frees
 * itself soon after.
 */
abstract class TimedProbe implements Probe {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "lifeboat-probe-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final String instance;

    TimedProbe(String name, String instance) {
        this.name = name;
        this.instance = instance;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String instance() {
        return instance;
    }

    @Override
    public final ProbeResult probe(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("probe '" + name + "': timeout must be positive, got " + timeout);
        }
        Attempt attempt = new Attempt(timeout);
        long begin = System.nanoTime();
        Future<Outcome> future = WORKERS.submit(() -> check(attempt));
        try {
            Outcome outcome = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return result(true, begin, outcome, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            String known = knownCause(attempt);
            String error = known != null ? known : Failures.timedOut(timeout, attempt.step(), instance);
            return result(false, begin, Outcome.plain(), error);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ProbeFailure failure) {
                return result(false, begin, failure.partial(), failure.getMessage());
            }
            return result(false, begin, Outcome.plain(), Failures.describe(cause, timeout, attempt.step(),
                    instance));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return result(false, begin, Outcome.plain(), "interrupted during " + attempt.step() + " on " + instance);
        }
    }

    /**
     * Runs the check once; returns what it found or throws: a {@link ProbeFailure} with the published error, or
     * whatever the driver threw, which {@link Failures} describes.
     */
    abstract Outcome check(Attempt attempt) throws Exception;

    /**
     * Why a check that timed out did not get through, when a driver knows better than "timed out" (a client that
     * monitors its servers in the background has seen the connection refused); null when it does not.
     */
    String knownCause(Attempt attempt) {
        return null;
    }

    @Override
    public void close() {
        // Most probes open a connection per check and hold nothing between checks.
    }

    private ProbeResult result(boolean ok, long begin, Outcome outcome, String error) {
        Duration latency = Duration.ofNanos(System.nanoTime() - begin);
        return new ProbeResult(new ProbeObservation(name, instance, ok, latency, outcome.role(), outcome.lag(),
                error), outcome.usages());
    }
}
