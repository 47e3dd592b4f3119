package io.lifeboat.scheduler.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(SchedulerMetrics.class);

    private final KafkaStreams streams;
    private final SchedulerConfig config;
    private final LiveGauge lastSlot;
    private final LiveGauge nextRun;
    private ScheduledExecutorService timer;

    SchedulerMetrics(KafkaStreams streams, SchedulerConfig config, MeterRegistry registry) {
        this.streams = streams;
        this.config = config;
        lastSlot = new LiveGauge(registry, "lifeboat.scheduler.last.slot.timestamp.seconds",
                "Newest slot of the schedule the scheduler has handled (issued or skipped), in epoch seconds");
        nextRun = new LiveGauge(registry, "lifeboat.scheduler.next.run.timestamp.seconds",
                "Instant the schedule's next slot is due, its stagger included, in epoch seconds");
    }

    void onStart(@Observes StartupEvent start) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lifeboat-scheduler-metrics");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, Math.max(1, config.metricsRefresh().toMillis()),
                TimeUnit.MILLISECONDS);
    }

    // Before the Kafka Streams extension closes the streams the refresh reads.
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
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

    private void refreshQuietly() {
        try {
            refresh();
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // Starting, rebalancing or shutting down: the gauges keep their last values until the store answers.
            LOG.debugf("schedule gauges keep their last values: %s", e.getMessage());
        } catch (RuntimeException e) {
            // A failure escaping the task would cancel every later refresh.
            LOG.warnf(e, "unable to refresh the schedule gauges; they keep their last values");
        }
    }
}
