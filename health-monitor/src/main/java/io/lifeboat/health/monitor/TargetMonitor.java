package io.lifeboat.health.monitor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import org.jboss.logging.Logger;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.health.TargetRecovered;
import io.lifeboat.events.health.TargetWarningCleared;
import io.lifeboat.events.health.TargetWarningRaised;
import io.lifeboat.events.health.WatchedResource;
import io.lifeboat.health.config.TargetSettings;
import io.lifeboat.health.domain.HealthTracker;
import io.lifeboat.health.domain.HealthTransition;
import io.lifeboat.health.domain.ProbeRound;
import io.lifeboat.health.domain.WarningChange;
import io.lifeboat.health.domain.WarningTracker;
import io.lifeboat.health.probe.Probe;
import io.lifeboat.health.probe.ProbeResult;
import io.lifeboat.health.probe.ResourceUsage;

/**
 * Watches one target: runs its probes in rounds, folds each round into the health and warning trackers, and returns
 * what to publish - a report every round, an outage, a recovery or a warning only when it changes. One round at a
 * time; {@link #snapshot()} may be read from any thread.
 */
public final class TargetMonitor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TargetMonitor.class);

    private final TargetSettings settings;
    private final List<Probe> probes;
    private final String monitorId;
    private final Clock clock;
    private final ProbeRunner runner;
    private final HealthTracker health;
    private final Map<WarningKey, WarningTracker> warnings = new LinkedHashMap<>();
    private volatile TargetSnapshot snapshot;

    /**
     * Creates the monitor of a target; it owns the probes and closes them.
     *
     * @param settings the target's settings
     * @param probes the target's probes
     * @param monitorId id that signs every event
     * @param clock source of every instant
     * @param executor runs the probes of a round in parallel
     */
    public TargetMonitor(TargetSettings settings, List<Probe> probes, String monitorId, Clock clock,
            ExecutorService executor) {
        this.settings = settings;
        this.probes = List.copyOf(probes);
        this.monitorId = monitorId;
        this.clock = clock;
        this.runner = new ProbeRunner(executor);
        this.health = new HealthTracker(settings.hysteresis());
        this.snapshot = new TargetSnapshot(settings.targetId(), settings.engine(), monitorId, health.status(), 0, null,
                List.of());
    }

    /**
     * Runs every probe once and returns what to publish, in order: an outage or recovery, warning changes, the report.
     *
     * @return the messages of the round; the report is always last
     */
    public List<LifeboatMessage> runRound() {
        Instant startedAt = clock.instant();
        List<ProbeResult> results = runner.runAll(probes, settings.timeout());
        Instant finishedAt = clock.instant();
        List<ProbeObservation> observations = results.stream().map(ProbeResult::observation).toList();
        ProbeRound round = new ProbeRound(startedAt, finishedAt, observations);

        List<LifeboatMessage> messages = new ArrayList<>();
        health.record(round).map(this::toEvent).ifPresent(messages::add);
        results.stream().flatMap(r -> r.usages().stream()).forEach(u -> warn(u, finishedAt, messages));
        messages.add(new TargetHealthReported(settings.targetId(), settings.engine(), monitorId, health.status(),
                health.consecutiveFailures(), observations, settings.interval(), finishedAt));
        snapshot = new TargetSnapshot(settings.targetId(), settings.engine(), monitorId, health.status(),
                health.consecutiveFailures(), finishedAt, observations);
        return messages;
    }

    private LifeboatMessage toEvent(HealthTransition transition) {
        if (transition instanceof HealthTransition.BecameUnhealthy down) {
            return new TargetBecameUnhealthy(settings.targetId(), settings.engine(), down.instance(), down.probe(),
                    down.error(), down.consecutiveFailures(), down.firstFailureAt(), down.detectedAt(), monitorId);
        }
        var up = (HealthTransition.Recovered) transition;
        return new TargetRecovered(settings.targetId(), settings.engine(), up.instance(), up.probe(),
                up.consecutiveSuccesses(), up.downtime(), up.recoveredAt(), monitorId);
    }

    private void warn(ResourceUsage usage, Instant at, List<LifeboatMessage> messages) {
        if (usage == null || usage.resource() == null) {
            return;
        }
        String instance = usage.instance() == null || usage.instance().isBlank() ? null : usage.instance();
        WarningTracker tracker = warnings.computeIfAbsent(new WarningKey(usage.resource(), instance),
                key -> new WarningTracker(thresholdOf(key.resource())));
        tracker.observe(usage.used()).ifPresent(change -> messages.add(change == WarningChange.RAISED
                ? new TargetWarningRaised(settings.targetId(), settings.engine(), instance, usage.resource(),
                        usage.used(), tracker.threshold(), detailOf(usage), at, monitorId)
                : new TargetWarningCleared(settings.targetId(), settings.engine(), instance, usage.resource(),
                        usage.used(), tracker.threshold(), at, monitorId)));
    }

    private double thresholdOf(WatchedResource resource) {
        return resource == WatchedResource.DISK ? settings.diskWarning() : settings.memoryWarning();
    }

    private static String detailOf(ResourceUsage usage) {
        if (usage.detail() != null && !usage.detail().isBlank()) {
            return usage.detail();
        }
        return String.format(Locale.ROOT, "%.1f %% of %s used", usage.used() * 100,
                usage.resource().name().toLowerCase(Locale.ROOT));
    }

    /**
     * Returns what the monitor knows of the target after the last round.
     *
     * @return the snapshot
     */
    public TargetSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Returns the target's settings.
     *
     * @return the settings
     */
    public TargetSettings settings() {
        return settings;
    }

    /** Closes every probe; a probe that fails to close does not keep the others open. */
    @Override
    public void close() {
        for (Probe probe : probes) {
            try {
                probe.close();
            } catch (RuntimeException e) {
                LOG.warn("unable to close probe '" + probe.name() + "' of target '" + settings.targetId() + "': " + e);
            }
        }
    }

    private record WarningKey(WatchedResource resource, String instance) {
    }
}
