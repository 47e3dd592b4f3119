package io.lifeboat.dr.metrics;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.lifeboat.dr.config.DrConfig;
import io.lifeboat.dr.service.FailoverExecutor;
import io.lifeboat.events.metrics.GaugeRefresher;
import io.lifeboat.events.metrics.LiveGauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Exports the orchestrator's state as Prometheus gauges, written every tick: {@code lifeboat_dr_acting} (1 while this
 * instance acts, 0 while it waits or was fenced out) and, from the acting instance only, the status and start of the
 * latest run of every target ({@code lifeboat_dr_run_status}, {@code lifeboat_dr_run_started_timestamp_seconds}).
 */
@ApplicationScoped
public class DrMetrics {

    private final FailoverExecutor executor;
    private final DrConfig config;
    private final AtomicInteger acting = new AtomicInteger();
    private final LiveGauge status;
    private final LiveGauge started;
    private GaugeRefresher refresher;

    DrMetrics(FailoverExecutor executor, DrConfig config, MeterRegistry registry) {
        this.executor = executor;
        this.config = config;
        registry.gauge("lifeboat.dr.acting", acting);
        status = new LiveGauge(registry, "lifeboat.dr.run.status",
                "1 for the status of the target's latest DR run (failover, restore, drill, complete failure), else 0");
        started = new LiveGauge(registry, "lifeboat.dr.run.started.timestamp.seconds",
                "Instant the target's latest DR run was requested, in epoch seconds");
    }

    void onStart(@Observes StartupEvent start) {
        refresher = GaugeRefresher.every("lifeboat-dr-metrics", config.tick(), this::refresh);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (refresher != null) {
            refresher.close();
        }
    }

    /** Writes every gauge from the executor's current state. */
    public void refresh() {
        boolean acts = executor.acting();
        DrGauges gauges = acts ? DrGauges.of(executor.latestRuns()) : DrGauges.NONE;
        acting.set(acts ? 1 : 0);
        status.set(gauges.status());
        started.set(gauges.started());
    }
}
