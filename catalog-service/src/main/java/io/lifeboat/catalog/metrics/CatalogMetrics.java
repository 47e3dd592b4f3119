package io.lifeboat.catalog.metrics;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.streams.errors.InvalidStateStoreException;

import io.lifeboat.catalog.config.CatalogConfig;
import io.lifeboat.catalog.domain.RpoMeter;
import io.lifeboat.catalog.rest.CatalogQueries;
import io.lifeboat.catalog.rest.StoreUnavailableException;
import io.lifeboat.catalog.rest.TargetView;
import io.lifeboat.catalog.rest.TargetViews;
import io.lifeboat.events.metrics.GaugeRefresher;
import io.lifeboat.events.metrics.LiveGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Exports the RPO lag, backup ages, restorable windows and newest drill results of the targets in this instance's
 * stores as Prometheus gauges labelled by {@code target} (and {@code type}), computed again every
 * {@code lifeboat.catalog.metrics.refresh}.
 *
 * <p>
 * Each instance exports only the targets its own tasks hold, so a scrape of every instance sees each target once.
 * Every refresh overwrites all rows, so a target that left this instance (rebalance, tombstone) disappears.
 */
@ApplicationScoped
public class CatalogMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    CatalogQueries queries;

    @Inject
    CatalogConfig config;

    private GaugeRefresher refresher;
    private LiveGauge rpoLag;
    private LiveGauge rpo;
    private LiveGauge breached;
    private LiveGauge backupAge;
    private LiveGauge lastSuccess;
    private LiveGauge restorableWindow;
    private LiveGauge drillRestore;
    private LiveGauge drillRto;
    private LiveGauge drillPassed;
    private LiveGauge drillCompleted;

    void onStart(@Observes StartupEvent start) {
        rpoLag = gauge("lifeboat.rpo.lag.seconds", "Time since the newest restorable point, in seconds");
        rpo = gauge("lifeboat.rpo.seconds", "Recovery point objective of the target's policy, in seconds");
        breached = gauge("lifeboat.rpo.breached", "1 while the target has an open RPO breach, else 0");
        backupAge = gauge("lifeboat.backup.age.seconds", "Seconds since the last successful backup of this type");
        lastSuccess = gauge("lifeboat.last.success.timestamp.seconds",
                "Instant of the last successful backup of this type, in epoch seconds");
        restorableWindow = gauge("lifeboat.restorable.window.seconds",
                "Span between the earliest and the newest restorable point, in seconds");
        drillRestore = gauge("lifeboat.drill.restore.seconds",
                "Measured restore time of the newest drill, in seconds");
        drillRto = gauge("lifeboat.drill.rto.seconds", "RTO the newest drill was measured against, in seconds");
        drillPassed = gauge("lifeboat.drill.passed", "1 when the newest drill passed, else 0");
        drillCompleted = gauge("lifeboat.drill.completed.timestamp.seconds",
                "Instant the newest drill finished, in epoch seconds");
        // Starting, restoring, rebalancing or shutting down: a store's iterator fails lazily with the raw Kafka
        // exception, and a closing KafkaStreams refuses store access with an IllegalStateException.
        refresher = GaugeRefresher.every("lifeboat-catalog-metrics", config.metrics().refresh(), this::refresh,
                StoreUnavailableException.class, InvalidStateStoreException.class, IllegalStateException.class);
    }

    // Before the Kafka Streams extension closes the streams the refresh reads.
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent stop) {
        if (refresher != null) {
            refresher.close();
        }
    }

    /**
     * Computes every gauge again from this instance's stores.
     *
     * @throws StoreUnavailableException when the stores cannot be read now; the gauges keep their last values
     * @throws InvalidStateStoreException when a store closes while it is read
     * @throws IllegalStateException when the streams are not running
     */
    public void refresh() {
        Instant now = Instant.now();
        TargetViews views = new TargetViews(new RpoMeter(config.rpo().restoreRatio()));
        List<TargetView> targets = queries.localTargets().stream().map(state -> views.of(state, now)).toList();
        CatalogGauges gauges = CatalogGauges.of(targets, now);
        rpoLag.set(gauges.rpoLag());
        rpo.set(gauges.rpo());
        breached.set(gauges.breached());
        backupAge.set(gauges.backupAge());
        lastSuccess.set(gauges.lastSuccess());
        restorableWindow.set(gauges.restorableWindow());
        DrillGauges drills = DrillGauges.of(queries.localDrRuns(null));
        drillRestore.set(drills.restoreTime());
        drillRto.set(drills.rto());
        drillPassed.set(drills.passed());
        drillCompleted.set(drills.completedAt());
    }

    private LiveGauge gauge(String name, String description) {
        return new LiveGauge(registry, name, description);
    }
}
