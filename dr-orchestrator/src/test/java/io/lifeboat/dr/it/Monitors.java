package io.lifeboat.dr.it;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.lifeboat.events.Engine;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetHealthReported;

/**
 * Three health monitors reporting one target every 500 ms, each with the status the test sets, as the
 * health-monitor service would publish them.
 */
final class Monitors implements AutoCloseable {

    static final List<String> IDS = List.of("monitor-1", "monitor-2", "monitor-3");
    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final Map<String, HealthStatus> statuses = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    Monitors(DrKafka kafka, String targetId) {
        IDS.forEach(id -> statuses.put(id, HealthStatus.HEALTHY));
        timer.scheduleAtFixedRate(() -> IDS.forEach(id -> {
            HealthStatus status = statuses.get(id);
            kafka.send(new TargetHealthReported(targetId, Engine.POSTGRES, id, status,
                    status == HealthStatus.HEALTHY ? 0 : 3, List.of(), INTERVAL, Instant.now()));
        }), 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sets what the given monitors report from now on. */
    void report(HealthStatus status, String... monitorIds) {
        for (String id : monitorIds) {
            statuses.put(id, status);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
