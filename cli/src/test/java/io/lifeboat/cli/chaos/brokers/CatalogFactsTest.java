package io.lifeboat.cli.chaos.brokers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.policy.PolicyDefined;

class CatalogFactsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void sendsEveryPolicyFirstThenUniqueBackupsRoundRobinEachLaterThanTheTargetsPreviousOne() {
        CatalogFacts facts = CatalogFacts.generate(25, 4, NOW);

        assertThat(facts.facts()).hasSize(25);
        assertThat(facts.facts().subList(0, 4)).allMatch(PolicyDefined.class::isInstance);
        assertThat(facts.facts().subList(4, 25)).allMatch(BackupCompleted.class::isInstance);
        assertThat(facts.backups()).hasSize(21);
        assertThat(facts.backups().stream().map(BackupCompleted::backupId).distinct()).hasSize(21);
        assertThat(facts.backups().subList(0, 4)).extracting(BackupCompleted::targetId)
                .containsExactlyElementsOf(facts.targets());
        assertThat(facts.backups().get(4).consistentAt()).isAfter(facts.backups().get(0).consistentAt());
        assertThat(facts.backups().get(20).consistentAt()).isBefore(NOW);
    }

    @Test
    void policiesKeepEveryBackupSoThatEachBackupHasOneCatalogEntry() {
        CatalogFacts facts = CatalogFacts.generate(25, 4, NOW);

        PolicyDefined policy = (PolicyDefined) facts.facts().get(0);
        assertThat(policy.retention().keepLast()).isGreaterThanOrEqualTo(facts.backups().size());
        assertThat(policy.retention().daily()).isZero();
        assertThat(policy.storageTiers()).isEmpty();
    }

    @Test
    void refusesFactsWithoutABackup() {
        assertThatThrownBy(() -> CatalogFacts.generate(4, 4, NOW)).hasMessageContaining("4 targets in 4 facts");
    }
}
