package io.lifeboat.health.monitor;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.health.config.HealthConfig;
import io.lifeboat.health.config.HealthSettings;
import io.lifeboat.health.config.ProbeSettings;
import io.lifeboat.health.config.TargetSettings;
import io.lifeboat.health.metrics.HealthMetrics;
import io.lifeboat.health.probe.Probe;
import io.lifeboat.health.probe.ProbeFactory;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs every configured target's rounds at its interval (a fixed delay after the previous round), publishes what
 * they lead to and refreshes the gauges; a round or a publication that fails is logged and the loop goes on.
 */
@ApplicationScoped
public class MonitorScheduler {

    private static final Logger LOG = Logger.getLogger(MonitorScheduler.class);
    private static final URI SOURCE = Envelope.sourceOf("health-monitor");

    private final HealthConfig config;
    private final HealthPublisher publisher;
    private final HealthMetrics metrics;
    private final List<Watched> watched = new ArrayList<>();
    private ScheduledExecutorService rounds;
    private ExecutorService probing;

    MonitorScheduler(HealthConfig config, HealthPublisher publisher, HealthMetrics metrics) {
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    synchronized void start(@Observes StartupEvent event) {
        HealthSettings settings = HealthSettings.from(config);
        probing = Executors.newCachedThreadPool(new MonitorThreads("health-probe"));
        try {
            for (TargetSettings target : settings.targets()) {
                watched.add(new Watched(new TargetMonitor(target, probes(target), settings.monitorId(),
                        Clock.systemUTC(), probing), new Outbox()));
            }
        } catch (RuntimeException e) {
            stop(null);
            throw e;
        }
        if (watched.isEmpty()) {
            LOG.warn("no target to watch: set lifeboat.health.targets.<target-id>.engine and its probes");
            return;
        }
        rounds = Executors.newScheduledThreadPool(watched.size(), new MonitorThreads("health-round"));
        for (Watched target : watched) {
            TargetSettings s = target.monitor().settings();
            rounds.scheduleWithFixedDelay(() -> round(target), 0, s.interval().toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("watching target '%s' (%s) with %d probe(s) every %s as monitor '%s'", s.targetId(),
                    s.engine().id(), s.probes().size(), s.interval(), settings.monitorId());
        }
    }

    private static List<Probe> probes(TargetSettings target) {
        List<Probe> probes = new ArrayList<>();
        for (ProbeSettings probe : target.probes()) {
            try {
                probes.add(ProbeFactory.create(probe.name(), probe.kind(), probe.options()));
            } catch (RuntimeException e) {
                probes.forEach(Probe::close);
                throw new IllegalArgumentException("unable to build probe " + probe.key(target.targetId())
                        + " of kind '" + probe.kind() + "': " + e.getMessage(), e);
            }
        }
        return probes;
    }

    // Catches everything: an exception escaping a scheduled task would cancel the target's loop for good.
    private void round(Watched target) {
        String targetId = target.monitor().settings().targetId();
        try {
            List<LifeboatMessage> messages = target.monitor().runRound();
            target.outbox().add(messages.stream().<Envelope<?>>map(m -> Envelope.of(SOURCE, m)).toList());
            metrics.refresh(this::snapshots);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "round of target '%s' failed; the next round runs at the interval", targetId);
        }
        List<Envelope<?>> pending = target.outbox().drain();
        List<Envelope<?>> failed;
        try {
            failed = publisher.publish(pending);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "publishing the events of target '%s' failed", targetId);
            failed = pending;
        }
        if (!failed.isEmpty()) {
            target.outbox().retry(failed);
            LOG.warnf("%d of %d event(s) of target '%s' not published; retried next round", failed.size(),
                    pending.size(), targetId);
        }
    }

    /**
     * Returns what the monitor knows of every target, in target id order.
     *
     * @return one snapshot per target
     */
    public synchronized List<TargetSnapshot> snapshots() {
        return watched.stream().map(w -> w.monitor().snapshot()).toList();
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (rounds != null) {
            rounds.shutdownNow();
        }
        if (probing != null) {
            probing.shutdownNow();
        }
        watched.forEach(w -> w.monitor().close());
        watched.clear();
    }

    private record Watched(TargetMonitor monitor, Outbox outbox) {
    }
}
