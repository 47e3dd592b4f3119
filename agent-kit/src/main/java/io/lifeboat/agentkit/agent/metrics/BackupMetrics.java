package io.lifeboat.agentkit.agent.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * The agent's backup metrics, labelled by {@code target} and {@code engine}: {@code lifeboat_backup_duration_seconds},
 * {@code lifeboat_backup_bytes} (stored bytes per completed backup), {@code lifeboat_backup_failures_total}, the
 * {@code lifeboat_backups_running} gauge and {@code lifeboat_verifications_total} by {@code outcome} (verified or
 * failed).
 *
 * <p>
 * A target's counters are registered at zero before its first backup is recorded, so that Prometheus sees every
 * backup as an increase (a series that first appears at 1 looks unchanged to {@code increase()}).
 */
@ApplicationScoped
public class BackupMetrics {

    private static final String VERIFICATIONS = "lifeboat.verifications";

    @Inject
    MeterRegistry registry;

    @Inject
    BackupEngine engine;

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    /** A backup of {@code targetId} started streaming. */
    public void started(String targetId) {
        register(targetId);
        runningOf(targetId).incrementAndGet();
    }

    /** A backup of {@code targetId} stopped streaming, however it ended. */
    public void stopped(String targetId) {
        runningOf(targetId).decrementAndGet();
    }

    /** A backup completed after {@code duration} with {@code storedBytes} in the object store. */
    public void completed(String targetId, Duration duration, long storedBytes) {
        register(targetId);
        registry.timer("lifeboat.backup.duration", tags(targetId).and("outcome", "completed")).record(duration);
        DistributionSummary.builder("lifeboat.backup.bytes").baseUnit("bytes").tags(tags(targetId))
                .register(registry).record(storedBytes);
    }

    /** A backup failed after {@code duration} ({@code Duration.ZERO} when it never started). */
    public void failed(String targetId, Duration duration) {
        register(targetId);
        registry.timer("lifeboat.backup.duration", tags(targetId).and("outcome", "failed")).record(duration);
        registry.counter("lifeboat.backup.failures", tags(targetId)).increment();
    }

    /** A verification of a backup of {@code targetId} ended, {@code passed} or not. */
    public void verified(String targetId, boolean passed) {
        register(targetId);
        registry.counter(VERIFICATIONS, tags(targetId).and("outcome", passed ? "verified" : "failed")).increment();
    }

    private void register(String targetId) {
        if (registered.add(targetId)) {
            registry.timer("lifeboat.backup.duration", tags(targetId).and("outcome", "completed"));
            registry.timer("lifeboat.backup.duration", tags(targetId).and("outcome", "failed"));
            registry.counter("lifeboat.backup.failures", tags(targetId));
            registry.counter(VERIFICATIONS, tags(targetId).and("outcome", "verified"));
            registry.counter(VERIFICATIONS, tags(targetId).and("outcome", "failed"));
        }
    }

    private AtomicInteger runningOf(String targetId) {
        return running.computeIfAbsent(targetId,
                target -> registry.gauge("lifeboat.backups.running", tags(target), new AtomicInteger()));
    }

    private Tags tags(String targetId) {
        return Tags.of("target", targetId, "engine", engine.engine().id());
    }
}
