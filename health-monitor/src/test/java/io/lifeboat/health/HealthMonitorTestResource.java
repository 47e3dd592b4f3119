package io.lifeboat.health;

import java.util.Map;
import java.util.UUID;

import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the packaged health-monitor at the JVM's shared broker and at a PostgreSQL server of its own, which the test
 * stops and restarts: one target {@code it-db} with one {@code postgres} probe, probed every 500 ms.
 */
public class HealthMonitorTestResource implements QuarkusTestResourceLifecycleManager {

    /** Id the monitor signs with, unique per run so that reports of an earlier run on the same broker do not count. */
    static final String MONITOR_ID = "it-monitor-" + UUID.randomUUID();

    private static volatile PostgresServer postgres;

    /** Returns the PostgreSQL server the target points at. */
    static PostgresServer postgres() {
        return postgres;
    }

    @Override
    public Map<String, String> start() {
        postgres = PostgresServer.start();
        String target = "lifeboat.health.targets.it-db.";
        return Map.of("kafka.bootstrap.servers", KafkaBroker.shared().bootstrapServers(),
                "lifeboat.health.monitor-id", MONITOR_ID,
                target + "engine", "postgres",
                target + "interval", "500ms",
                target + "timeout", "2s",
                target + "probes.primary.kind", "postgres",
                target + "probes.primary.options.url", postgres.jdbcUrl(),
                target + "probes.primary.options.user", postgres.user(),
                target + "probes.primary.options.password", postgres.password());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
