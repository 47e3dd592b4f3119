package io.lifeboat.dr.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private static final BenchSettings.Member A = new BenchSettings.Member("jdbc:postgresql://127.0.0.1:5501/postgres",
            "lifeboat", "secret-a");
    private static final BenchSettings.Member B = new BenchSettings.Member("jdbc:postgresql://127.0.0.1:5502/postgres",
            "lifeboat", "secret-b");

    @Test
    void probesOnlyThePrimaryEveryHalfSecondAndKeepsTheDefaultThreeFailedRounds() {
        Map<String, String> monitor = BenchSettings.defaults().monitor("bench-db-1", A);

        assertThat(monitor).containsEntry("lifeboat.health.monitor-id", "bench-monitor-1")
                .containsEntry("lifeboat.health.targets.bench-db-1.engine", "postgres")
                .containsEntry("lifeboat.health.targets.bench-db-1.interval", "500ms")
                .containsEntry("lifeboat.health.targets.bench-db-1.timeout", "500ms")
                .containsEntry("lifeboat.health.targets.bench-db-1.failures-to-unhealthy", "3")
                .containsEntry("lifeboat.health.targets.bench-db-1.probes.primary.kind", "postgres")
                .containsEntry("lifeboat.health.targets.bench-db-1.probes.primary.options.url", A.url())
                .containsEntry("lifeboat.health.targets.bench-db-1.probes.primary.options.password", "secret-a");
        assertThat(monitor.keySet()).noneMatch(key -> key.contains(".probes.standby."));
    }

    @Test
    void failsOverAutomaticallyFromPgAToPgBOnTheWordOfOneMonitor() {
        Map<String, String> dr = BenchSettings.defaults().orchestrator("bench-db-2", A, B);

        assertThat(dr).containsEntry("lifeboat.dr.expected-monitors", "1")
                .containsEntry("lifeboat.dr.tick", "200ms")
                .containsEntry("lifeboat.dr.step-timeout", "2000ms")
                .containsEntry("lifeboat.dr.targets.bench-db-2.failover-mode", "AUTOMATIC")
                .containsEntry("lifeboat.dr.targets.bench-db-2.primary", "pg-a")
                .containsEntry("lifeboat.dr.targets.bench-db-2.members.pg-a.url", A.url())
                .containsEntry("lifeboat.dr.targets.bench-db-2.members.pg-b.url", B.url())
                .containsEntry("lifeboat.dr.targets.bench-db-2.members.pg-b.password", "secret-b");
    }
}
