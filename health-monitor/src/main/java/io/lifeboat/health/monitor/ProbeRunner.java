package io.lifeboat.health.monitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.health.probe.Probe;
import io.lifeboat.health.probe.ProbeResult;

/**
 * Runs a target's probes in parallel, each with its timeout, and turns whatever goes wrong in a probe (an exception, a
 * missing result, no answer) into a failed observation, so that a broken probe fails its round rather than the loop.
 */
final class ProbeRunner {

    /** Extra wait beyond a probe's own timeout before it is given up: the probe should have answered by then. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final ExecutorService executor;

    ProbeRunner(ExecutorService executor) {
        this.executor = executor;
    }

    List<ProbeResult> runAll(List<Probe> probes, Duration timeout) {
        List<Future<ProbeResult>> running = new ArrayList<>();
        for (Probe probe : probes) {
            running.add(executor.submit(() -> probe.probe(timeout)));
        }
        long deadline = System.nanoTime() + timeout.plus(GRACE).toNanos();
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            results.add(await(probes.get(i), running.get(i), deadline, timeout));
        }
        return results;
    }

    private static ProbeResult await(Probe probe, Future<ProbeResult> running, long deadline, Duration timeout) {
        try {
            ProbeResult result = running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (result == null || result.observation() == null) {
                return failed(probe, "probe returned no observation", null);
            }
            return new ProbeResult(tidy(result.observation()), result.usages());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(probe, "probe threw " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), null);
        } catch (TimeoutException e) {
            running.cancel(true);
            return failed(probe, "no answer within the timeout of " + timeout, timeout);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return failed(probe, "monitor interrupted while waiting for the probe", null);
        }
    }

    // The schema refuses empty strings where a value is optional: one blank field would make the report unpublishable.
    private static ProbeObservation tidy(ProbeObservation o) {
        return new ProbeObservation(o.probe(), orNull(o.instance()), o.ok(), o.latency(), orNull(o.role()),
                o.replicationLag(), orNull(o.error()));
    }

    private static String orNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ProbeResult failed(Probe probe, String error, Duration latency) {
        return new ProbeResult(
                new ProbeObservation(probe.name(), orNull(probe.instance()), false, latency, null, null, error),
                List.of());
    }
}
