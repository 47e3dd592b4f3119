package io.lifeboat.agent.pg.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Topics;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A timeline switch keeps the chain restorable: a base backup and WAL archived from a standby on timeline 1, the
 * standby promoted, more rows on timeline 2; restores to the latest point and to a time before the promotion.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PgAgentTestResource.class)
class PgTimelineRestoreIT {

    @Test
    void restoresAcrossThePromotionToTheLatestPointAndToATimeBeforeIt() throws Exception {
        PostgresServer primary = PgAgentTestResource.switchPrimary;
        PostgresServer standby = PgAgentTestResource.switchStandby;
        PgSql.execute(primary, "create table tl_rows (id int primary key, timeline int)");
        standby.awaitReplayOfPrimary();
        Envelope<RunBackup> backup = PgKafka.runBackup(PgAgentTestResource.PROMOTED, BackupType.FULL);
        PgKafka.sendAndAwait(backup);
        assertThat(PgKafka.factsOf(backup)).last().extracting(f -> f.payload().getClass().getSimpleName())
                .isEqualTo("BackupCompleted");

        PgSql.execute(primary, "insert into tl_rows select g, 1 from generate_series(1, 50) g");
        standby.awaitReplayOfPrimary();
        Instant beforePromotion = PgSql.serverTime(standby);
        Thread.sleep(50);
        standby.promote();
        PgSql.execute(standby, "insert into tl_rows select g, 2 from generate_series(51, 80) g");
        PgSql.execute(standby, "select pg_switch_wal()");
        PgSql.execute(standby, "insert into tl_rows select g, 2 from generate_series(81, 90) g");
        awaitArchivedOnTimeline2(PgSql.currentLsn(standby));

        Path latestDir = PgSql.restoreRoot("pg-agent-tl-latest");
        Envelope<RestoreBackup> latest = PgKafka.restore(PgAgentTestResource.PROMOTED,
                latestDir.resolve("data").toString(), PgKafka.RestorePoint::toLatest);
        PgKafka.sendAndAwait(latest);
        RestoreCompleted toLatest = outcome(latest);
        assertThat(rows(latestDir, standby)).as("rows of timeline 1 and 2").containsExactly(50, 40);
        assertThat(toLatest.restoredTo()).isAfter(beforePromotion);

        Path earlierDir = PgSql.restoreRoot("pg-agent-tl-earlier");
        Envelope<RestoreBackup> earlier = PgKafka.restore(PgAgentTestResource.PROMOTED,
                earlierDir.resolve("data").toString(), point -> point.at(beforePromotion));
        PgKafka.sendAndAwait(earlier);
        outcome(earlier);
        assertThat(rows(earlierDir, standby)).as("rows of timeline 1 and 2").containsExactly(50, 0);
    }

    private static RestoreCompleted outcome(Envelope<?> command) {
        List<Envelope<?>> outcomes = PgKafka.factsOf(command).stream()
                .filter(f -> f.payload() instanceof RestoreCompleted || f.payload() instanceof RestoreFailed)
                .toList();
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).payload()).isInstanceOf(RestoreCompleted.class);
        return (RestoreCompleted) outcomes.get(0).payload();
    }

    /** Rows written on timeline 1 and on timeline 2, read from a server started on the restored directory. */
    private static List<Integer> rows(Path restoreRoot, PostgresServer source) throws SQLException {
        try (RestoredCluster restored = RestoredCluster.startOn(restoreRoot.resolve("data"), source.binDir());
                Connection connection = restored.connect(PgAgentTestResource.DATABASE, source.user(),
                        source.password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) filter (where timeline = 1), "
                        + "count(*) filter (where timeline = 2) from tl_rows")) {
            result.next();
            return List.of(result.getInt(1), result.getInt(2));
        }
    }

    private static void awaitArchivedOnTimeline2(long lsn) {
        Await.until("WAL of target 'promoted' archived on timeline 2 past " + Long.toHexString(lsn),
                PgKafka.PATIENCE,
                () -> !PgKafka.events(Topics.ARCHIVE_EVENTS.name(), e -> e.payload() instanceof ArchiveProgressed p
                        && p.targetId().equals(PgAgentTestResource.PROMOTED) && p.timeline() != null
                        && p.timeline() == 2 && PgSql.lsn(p.archivedPosition()) >= lsn).isEmpty(),
                () -> "archive events of 'promoted': " + PgKafka.events(Topics.ARCHIVE_EVENTS.name(),
                        e -> e.subject().equals(PgAgentTestResource.PROMOTED)).size());
    }

}
