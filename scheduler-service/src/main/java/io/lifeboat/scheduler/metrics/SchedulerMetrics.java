package io.lifeboat.scheduler.metrics;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import io.lifeboat.events.metrics.GaugeRefresher;
import io.lifeboat.events.metrics.LiveGauge;
import io.lifeboat.scheduler.config.SchedulerConfig;
import io.lifeboat.scheduler.domain.TargetSchedule;
import io.lifeboat.scheduler.streams.SchedulerTopology;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Exports where each schedule stands as Prometheus gauges ({@code lifeboat_scheduler_last_slot_timestamp_seconds},
 * {@code lifeboat_scheduler_next_run_timestamp_seconds}, see {@link ScheduleGauges}), read every
 * {@code lifeboat.scheduler.metrics-refresh} from this instance's stores: each instance exports the targets its
 * tasks hold.
 */
@ApplicationScoped
public class SchedulerMetrics {

    private final KafkaStreams streams;
    private final SchedulerConfig config;
    private final LiveGauge lastSlot;
    private final LiveGauge nextRun;
    private GaugeRefresher refresher;

    SchedulerMetrics(KafkaStreams streams, SchedulerConfig config, MeterRegistry registry) {
        this.streams = streams;
        this.config = config;
        lastSlot = new LiveGauge(registry, "lifeboat.scheduler.last.slot.timestamp.seconds",
                "Newest slot of the schedule the scheduler has handled (issued or skipped), in epoch seconds");
        nextRun = new LiveGauge(registry, "lifeboat.scheduler.next.run.timestamp.seconds",
                "Instant the schedule's next slot is due, its stagger included, in epoch seconds");
    }

    void onStart(@Observes StartupEvent start) {
        // Starting, rebalancing or shutting down: the store is not queryable, the gauges keep their last values.
        refresher = GaugeRefresher.every("lifeboat-scheduler-metrics", config.metricsRefresh(), this::refresh,
                InvalidStateStoreException.class, IllegalStateException.class);
    }

    // Before the Kafka Streams extension closes the streams the refresh reads.
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent stop) {
        if (refresher != null) {
            refresher.close();
        }
    }

    /**
     * Reads every schedule gauge again from this instance's active stores.
     *
     * @throws InvalidStateStoreException when the store is not queryable now (starting, rebalancing)
     * @throws IllegalStateException when the streams are not running
     */
    public void refresh() {
        ReadOnlyKeyValueStore<String, TargetSchedule> store = streams.store(StoreQueryParameters.fromNameAndType(
                SchedulerTopology.SCHEDULES_STORE, QueryableStoreTypes.keyValueStore()));
        List<TargetSchedule> states = new ArrayList<>();
        try (KeyValueIterator<String, TargetSchedule> all = store.all()) {
            all.forEachRemaining(entry -> states.add(entry.value));
        }
        ScheduleGauges gauges = ScheduleGauges.of(states, config.staggerWindow());
        lastSlot.set(gauges.lastSlot());
        nextRun.set(gauges.nextRun());
    }
}
