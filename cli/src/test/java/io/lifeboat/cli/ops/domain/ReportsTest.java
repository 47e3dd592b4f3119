package io.lifeboat.cli.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReportsTest {

    private static final Instant AT = Instant.parse("2026-11-21T02:00:41.123Z");

    private static TargetSummary target(String id, Long lag, Long rpo, boolean breached) {
        return new TargetSummary(id, "POSTGRES", "GREEN", lag, rpo, breached, null, null);
    }

    @Test
    void sortsTargetsByLagAgainstRpoWorstFirstAndTargetsWithoutRpoLast() {
        List<TargetSummary> targets = List.of(target("unprotected", null, null, false),
                target("half", 150L, 300L, false), target("over", 900L, 300L, true),
                target("slightly-over", 3700L, 3600L, false));

        assertThat(Reports.sorted(targets)).extracting(TargetSummary::targetId)
                .containsExactly("over", "slightly-over", "half", "unprotected");
        assertThat(Reports.breaches(targets)).containsExactly("over", "slightly-over");
    }

    @Test
    void countsAnOpenBreachEvenWhenTheLagIsBackUnderTheRpo() {
        assertThat(target("recovering", 100L, 300L, true).inBreach()).isTrue();
        assertThat(target("fine", 100L, 300L, false).inBreach()).isFalse();
    }

    @Test
    void showsTheRpoTableWithShareOfRpoAndState() {
        String table = Reports.rpo(List.of(target("orders-db", 150L, 300L, false),
                target("cache", 900L, 300L, true), target("files", null, null, false)));

        assertThat(table.lines().toList()).containsExactly(
                "TARGET        LAG    RPO  OF RPO  STATE",
                "cache      15m00s  5m00s    300%  BREACH",
                "orders-db   2m30s  5m00s     50%  OK",
                "files           -      -       -  NO RPO");
    }

    @Test
    void showsTheTargetsTableWithTheNewestBackupToTheSecond() {
        String table = Reports.targets(List.of(new TargetSummary("orders-db", "POSTGRES", "GREEN", 42L, 300L, false,
                "bk-123", AT)));

        assertThat(table.lines().toList()).containsExactly(
                "TARGET     ENGINE    STATUS  LAG    RPO  NEWEST BACKUP  COMPLETED",
                "orders-db  POSTGRES  GREEN   42s  5m00s  bk-123         2026-11-21T02:00:41Z");
    }

    @Test
    void showsTheBackupsTableWithSizesInBinaryUnitsAndDashesForWhatIsUnknown() {
        String table = Reports.backups(List.of(
                new BackupSummary("bk-124", "FULL", "RUNNING", "c2", null, null, null, null),
                new BackupSummary("bk-123", "FULL", "COMPLETED", "c1", AT, 870_527_795L, AT, null)));

        assertThat(table.lines().toList()).containsExactly(
                "BACKUP  TYPE  PHASE      COMPLETED                  SIZE  VERIFIED",
                "bk-124  FULL  RUNNING    -                             -  -",
                "bk-123  FULL  COMPLETED  2026-11-21T02:00:41Z  830.2 MiB  2026-11-21T02:00:41Z");
    }

    @Test
    void writesDurationsAsTheirTwoLargestUnits() {
        assertThat(List.of(Human.duration(59L), Human.duration(61L), Human.duration(7_500L),
                Human.duration(273_600L))).containsExactly("59s", "1m01s", "2h05m", "3d04h");
    }
}
