package io.lifeboat.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverStepCompleted;
import io.lifeboat.events.policy.PolicyDefined;

class RecordValidationTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void restoreNeedsABackupIdOrOneRecoveryPoint() {
        assertThatThrownBy(() -> new RestoreBackup("c-1", "orders-db", Engine.POSTGRES, null, null, null, null, null,
                null, null, "secret://x", false, "ops", null, 1)).hasMessageStartingWith(
                        "RestoreBackup needs a backupId or a recovery point");
        assertThatThrownBy(() -> new RestoreBackup("c-1", "orders-db", Engine.POSTGRES, null, NOW, "0/3000060", null,
                null, null, null, "secret://x", false, "ops", null, 1))
                .hasMessageStartingWith("RestoreBackup takes at most one of");
        RestoreBackup toTime = new RestoreBackup("c-1", "orders-db", Engine.POSTGRES, null, NOW, null, null, null, null,
                null, "secret://x", false, "ops", null, 1);
        assertThat(toTime.pointInTime()).isEqualTo(NOW);
        assertThat(toTime.replaysLog()).isTrue();
        assertThat(new RestoreBackup("c-1", "orders-db", Engine.POSTGRES, "b-1", null, null, null, null, false, null,
                "secret://x", false, "ops", null, 1).replaysLog()).isFalse();
    }

    @Test
    void policyRefusesAConnectionReferenceThatEmbedsAPassword() {
        PolicyDefined policy = Samples.message(PolicyDefined.class);

        assertThatThrownBy(() -> new PolicyDefined(policy.targetId(), policy.engine(),
                "postgresql://backup:s3cret@orders-db:5432/orders", policy.tier(), policy.schedules(),
                policy.continuousArchiving(), policy.rpo(), policy.rto(), policy.retention(), policy.storageTiers(),
                null, null, policy.failoverMode(), null, policy.definedAt()))
                .hasMessage("PolicyDefined.connectionRef of target 'orders-db' embeds a password; reference a secret");
    }

    @Test
    void failoverStepIndexMustLieInsideTheRunbook() {
        assertThatThrownBy(
                () -> new FailoverStepCompleted("fo-1", "postgres-promote-standby", "orders-db", "promote", 6,
                        6, Duration.ofSeconds(40), NOW))
                .hasMessage("FailoverStepCompleted.stepIndex 6 is outside a runbook of 6 steps");
    }

    @Test
    void failedDrillNeedsAReasonAndPassedDrillIsMeasuredAgainstTheRto() {
        assertThatThrownBy(() -> new DrillCompleted("c-1", "orders-db", "b-1", false, Duration.ofMinutes(20),
                Duration.ofMinutes(15), null, NOW, NOW)).hasMessage("DrillCompleted.failureReason must not be blank");
        assertThat(new DrillCompleted("c-1", "orders-db", "b-1", true, Duration.ofMinutes(20), Duration.ofMinutes(15),
                null, NOW, NOW).withinRto()).isFalse();
    }

    @Test
    void expiryNeedsAtLeastOneBackupAndCopiesTheList() {
        assertThatThrownBy(() -> new ExpireBackups("c-1", "orders-db", Engine.POSTGRES, List.of(), "daily: keep 30",
                "catalog-service", null, 1)).hasMessage("ExpireBackups.backupIds must not be empty");
        assertThatThrownBy(
                () -> new ExpireBackups("c-1", "orders-db", Engine.POSTGRES, List.of("b-1"), "daily: keep 30",
                        "catalog-service", null, 0))
                .hasMessage("ExpireBackups.attempt must be at least 1, was 0");
    }
}
