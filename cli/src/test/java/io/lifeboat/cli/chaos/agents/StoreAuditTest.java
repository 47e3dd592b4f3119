package io.lifeboat.cli.chaos.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StoreAuditTest {

    @Test
    void aCompletedBackupWithItsManifestAndPartsIsCleanAndTheTargetsOtherFoldersAreNoBackups() {
        StoreAudit audit = StoreAudit.of("pg", List.of("bk-1/data/part-000001", "bk-1/manifest.json",
                "wal/00000001/000000010000000000000003", "fs/packs/ab", "oplog/slice-1"),
                Map.of("bk-1", Set.of("bk-1/data/part-000001")), Set.of("bk-1"));

        assertThat(audit.findings()).isEmpty();
        assertThat(audit.unfinishedAttempts()).isZero();
        assertThat(audit.leftoverObjects()).isZero();
    }

    @Test
    void countsPartsOfAnAttemptWithoutManifestAndPartsAManifestDoesNotList() {
        StoreAudit audit = StoreAudit.of("pg", List.of("bk-1/data/part-000001", "bk-1/data/part-000002",
                "bk-1/manifest.json", "bk-2/data/part-000001"), Map.of("bk-1", Set.of("bk-1/data/part-000001")),
                Set.of("bk-1"));

        assertThat(audit.findings()).isEmpty();
        assertThat(audit.unfinishedAttempts()).isEqualTo(1);
        assertThat(audit.leftoverObjects()).isEqualTo(2);
        assertThat(audit.leftovers()).containsExactly(
                "backup bk-1 of pg: 1 objects its manifest does not list [bk-1/data/part-000002]",
                "backup bk-2 of pg: 1 objects of an attempt without a manifest");
    }

    @Test
    void aManifestWithoutCompletionAndACompletionWithoutManifestAreFindings() {
        StoreAudit audit = StoreAudit.of("redis", List.of("bk-1/manifest.json", "bk-2/data/part-000001"),
                Map.of("bk-1", Set.of()), Set.of("bk-2", "bk-3"));

        assertThat(audit.findings()).containsExactly(
                "backup bk-1 of redis has a manifest in the store but no BackupCompleted names it",
                "backup bk-2 of redis was reported completed but the store holds no manifest of it",
                "backup bk-3 of redis was reported completed but the store holds nothing of it");
    }
}
