package io.lifeboat.dr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.dr.RestoreScenario;

class RecoveryPointsTest {

    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private static final CatalogEntry MONDAY = entry("b-mon", T.minusSeconds(3 * 86_400), null);
    private static final CatalogEntry TUESDAY = entry("b-tue", T.minusSeconds(2 * 86_400), T.minusSeconds(86_400));
    private static final CatalogEntry WEDNESDAY = entry("b-wed", T.minusSeconds(86_400), null);
    private static final CatalogEntry LATER = entry("b-later", T.plusSeconds(600), null);
    private static final List<CatalogEntry> CATALOG = List.of(MONDAY, TUESDAY, WEDNESDAY, LATER);

    @Test
    void replaysTheNewestBackupConsistentBeforeThePointToThePointItself() {
        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.POINT_IN_TIME, T, null, CATALOG);

        assertThat(point.backupId()).isEqualTo("b-wed");
        assertThat(point.replayTo()).isEqualTo(T);
        assertThat(point.inclusive()).isTrue();
    }

    @Test
    void stopsJustBeforeADataLossAndNeverStartsFromABackupTakenAtIt() {
        CatalogEntry atTheLoss = entry("b-at", T, null);

        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.DATA_LOSS, T, null,
                List.of(MONDAY, atTheLoss));

        assertThat(point.backupId()).isEqualTo("b-mon");
        assertThat(point.replayTo()).isEqualTo(T);
        assertThat(point.inclusive()).isFalse();
    }

    @Test
    void restoresTheNewestVerifiedBackupBeforeTheDetectionOfACorruptionWithoutReplay() {
        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.CORRUPTION, T, null, CATALOG);

        assertThat(point.backupId()).isEqualTo("b-tue");
        assertThat(point.replayTo()).isNull();
        assertThat(point.reason()).contains("newest verified");
    }

    @Test
    void fallsBackToTheNewestUnverifiedBackupWhenNoneBeforeTheCorruptionWasVerified() {
        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.CORRUPTION, T, null,
                List.of(MONDAY, WEDNESDAY));

        assertThat(point.backupId()).isEqualTo("b-wed");
        assertThat(point.reason()).contains("no verified backup");
    }

    @Test
    void skipsFailedExpiringAndLogicalBackupsOfPostgres() {
        CatalogEntry failed = new CatalogEntry("b-failed", "orders-db", Engine.POSTGRES, BackupType.FULL,
                BackupPhase.FAILED, null, null, null, T.minusSeconds(60), null, null, null, null, null, null, List.of(),
                null, T, null, null, null, null, null, "disk full", null, null, null, null, null);
        CatalogEntry expiring = withExpiry(entry("b-expiring", T.minusSeconds(120), null));
        CatalogEntry logical = new CatalogEntry("b-dump", "orders-db", Engine.POSTGRES, BackupType.LOGICAL,
                BackupPhase.COMPLETED, null, null, T.minusSeconds(30), T.minusSeconds(30), null, null, null, null,
                null, null, List.of(), null, T, null, null, null, null, null, null, null, null, null, null, null);

        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.POINT_IN_TIME, T, null,
                List.of(MONDAY, failed, expiring, logical));

        assertThat(point.backupId()).isEqualTo("b-mon");
    }

    @Test
    void refusesAPointOlderThanEveryBackupNamingTheOldest() {
        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.POINT_IN_TIME, T.minusSeconds(10 * 86_400),
                null, CATALOG);

        assertThat(point.chosen()).isFalse();
        assertThat(point.refusal()).contains("the oldest is consistent at " + MONDAY.consistentAt());
    }

    @Test
    void refusesANamedBackupTakenAfterThePointBecauseTheLogCannotRunBackwards() {
        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.POINT_IN_TIME, T, "b-later", CATALOG);

        assertThat(point.chosen()).isFalse();
        assertThat(point.refusal()).contains("b-later", "after the requested");
    }

    @Test
    void leavesTheChoiceToTheAgentWhenTheCatalogListsNothing() {
        RecoveryPoint point = RecoveryPoints.forRestore(RestoreScenario.POINT_IN_TIME, T, null, List.of());

        assertThat(point.chosen()).isTrue();
        assertThat(point.backupId()).isNull();
        assertThat(point.replayTo()).isEqualTo(T);
    }

    @Test
    void drillsTheNewestRestorableBackupAndRefusesATargetWithoutOne() {
        assertThat(RecoveryPoints.forDrill(null, null, CATALOG).backupId()).isEqualTo("b-later");
        assertThat(RecoveryPoints.forDrill("b-mon", null, CATALOG).backupId()).isEqualTo("b-mon");
        assertThat(RecoveryPoints.forDrill(null, null, List.of()).refusal())
                .isEqualTo("the catalog lists no backup of the target");
        assertThat(RecoveryPoints.forDrill("b-gone", null, CATALOG).refusal())
                .contains("backup 'b-gone' cannot be restored: the catalog does not list it");
    }

    private static CatalogEntry entry(String id, Instant consistentAt, Instant verifiedAt) {
        return new CatalogEntry(id, "orders-db", Engine.POSTGRES, BackupType.FULL, BackupPhase.COMPLETED, null,
                consistentAt.minusSeconds(300), consistentAt, consistentAt, null, null, null, null, null, null,
                List.of(), verifiedAt, consistentAt, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static CatalogEntry withExpiry(CatalogEntry entry) {
        return new CatalogEntry(entry.backupId(), entry.targetId(), entry.engine(), entry.backupType(), entry.phase(),
                null, entry.startedAt(), entry.completedAt(), entry.consistentAt(), null, null, null, null, null, null,
                List.of(), null, entry.updatedAt(), null, null, null, null, null, null, null, null, T, "keepLast 1",
                null);
    }
}
