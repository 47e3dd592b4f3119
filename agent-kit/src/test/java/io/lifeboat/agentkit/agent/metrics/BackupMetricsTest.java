package io.lifeboat.agentkit.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.RunBackup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class BackupMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BackupMetrics metrics = new BackupMetrics();

    BackupMetricsTest() {
        metrics.registry = registry;
        metrics.engine = new BackupEngine() {
            @Override
            public Engine engine() {
                return Engine.POSTGRES;
            }

            @Override
            public Map<String, Object> backup(RunBackup command, OutputStream out) {
                return Map.of();
            }
        };
    }

    @Test
    void registersEveryOutcomeAtZeroWhenTheFirstBackupStarts() {
        metrics.started("db");

        assertThat(count("completed")).isZero();
        assertThat(count("failed")).isZero();
        assertThat(registry.get("lifeboat.backup.failures").tags("target", "db").counter().count()).isZero();
        assertThat(registry.get("lifeboat.backups.running").tags("target", "db", "engine", "postgres").gauge()
                .value()).isEqualTo(1);
    }

    @Test
    void countsCompletedAndFailedBackupsByOutcome() {
        metrics.started("db");
        metrics.completed("db", Duration.ofSeconds(90), 1024);
        metrics.stopped("db");
        metrics.failed("db", Duration.ZERO);

        assertThat(count("completed")).isEqualTo(1);
        assertThat(count("failed")).isEqualTo(1);
        assertThat(registry.get("lifeboat.backup.failures").tags("target", "db").counter().count()).isEqualTo(1);
        assertThat(registry.get("lifeboat.backup.bytes").tags("target", "db").summary().totalAmount())
                .isEqualTo(1024);
        assertThat(registry.get("lifeboat.backups.running").tags("target", "db").gauge().value()).isZero();
    }

    @Test
    void countsVerificationsByOutcomeFromZeroOnTheTargetsFirstBackup() {
        metrics.started("db");
        assertThat(verifications("verified")).isZero();
        assertThat(verifications("failed")).isZero();

        metrics.verified("db", true);
        metrics.verified("db", false);
        metrics.verified("db", true);

        assertThat(verifications("verified")).isEqualTo(2);
        assertThat(verifications("failed")).isEqualTo(1);
    }

    private double verifications(String outcome) {
        return registry.get("lifeboat.verifications").tags("target", "db", "engine", "postgres", "outcome", outcome)
                .counter().count();
    }

    private long count(String outcome) {
        return registry.get("lifeboat.backup.duration").tags("target", "db", "engine", "postgres", "outcome", outcome)
                .timer().count();
    }
}
