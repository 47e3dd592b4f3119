package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.testkit.postgres.PostgresOptions;
import io.lifeboat.testkit.postgres.PostgresServer;

/** Streams from a standby that is promoted: the archive follows it onto timeline 2, the way pg_receivewal does. */
class WalArchiverTimelineIT {

    private static final long SEGMENT = 16L << 20;

    @Test
    void followsThePromotedStandbyOntoTimelineTwoWithItsHistoryAndResumesThereAfterARestart(@TempDir Path dir)
            throws Exception {
        try (PostgresServer primary = PostgresServer.start(PostgresOptions.defaults().withConfig(
                "track_commit_timestamp = on"))) {
            PostgresServer standby = primary.startStandby();
            sql(primary, "CREATE TABLE fleet (id serial PRIMARY KEY, note text)");
            standby.awaitReplayOfPrimary();
            try (WalArchiveFixture f = new WalArchiveFixture(standby, "fleet", dir)) {
                WalArchiver archiver = f.start();
                f.await("the archiver to connect to the standby", () -> archiver.resumePoint().isPresent());
                String first = archiver.resumePoint().get().segment();
                assertThat(first).startsWith("00000001");
                String full = text(primary, "SELECT pg_walfile_name(pg_current_wal_lsn())");
                sql(primary, "INSERT INTO fleet (note) SELECT 'before ' || g FROM generate_series(1, 1000) g",
                        "SELECT pg_switch_wal()");
                standby.awaitReplayOfPrimary();
                f.await("timeline 1 segment " + full + " stored", () -> f.segments().contains(full));
                sql(primary, "INSERT INTO fleet (note) SELECT 'tail ' || g FROM generate_series(1, 100) g");
                standby.awaitReplayOfPrimary();

                long promoting = System.nanoTime();
                standby.promote();
                sql(standby, "INSERT INTO fleet (note) SELECT 'after ' || g FROM generate_series(1, 1000) g");
                String onTwo = text(standby, "SELECT pg_walfile_name(pg_current_wal_lsn())");
                sql(standby, "SELECT pg_switch_wal()");
                f.await("timeline 2 segment " + onTwo + " stored", () -> f.segments("00000002").contains(onTwo));
                f.await("progress on timeline 2 past the switch", () -> f.progress.stream().anyMatch(p -> p
                        .timeline() == 2 && p.segment().startsWith("00000002")));
                archiver.close();

                byte[] history = binary(standby, "SELECT pg_read_binary_file('pg_wal/00000002.history')");
                assertThat(f.store.history("00000002")).hasValue(history);
                TimelineHistory parsed = TimelineHistory.parse(2, history);
                long switchPoint = parsed.switchPoint(1).getAsLong();
                String switchSegment = WalSegments.segmentOf(1, switchPoint, SEGMENT);
                String switchOnTwo = WalSegments.segmentOf(2, switchPoint, SEGMENT);
                assertThat(f.switches).containsExactly("1->2");
                System.out.printf("timeline switch followed %d ms after pg_promote was asked for%n",
                        (f.switchedAtNanos - promoting) / 1_000_000);

                // Timeline 1: every segment from the first to the one before the switch, then its final .partial.
                List<String> one = f.segments("00000001");
                assertThat(one).containsExactlyElementsOf(range(1, first, previous(switchSegment)));
                assertThat(f.objects("00000001")).contains(switchSegment + WalStore.PARTIAL_SUFFIX);
                byte[] tail = f.store.read("00000001", switchSegment + WalStore.PARTIAL_SUFFIX);
                assertThat((long) tail.length).isEqualTo(switchPoint % SEGMENT);

                // Timeline 2: from the switch segment on, complete, the first equal to the promoted server's file.
                List<String> two = f.segments("00000002");
                assertThat(two.get(0)).isEqualTo(switchOnTwo);
                assertThat(two).containsExactlyElementsOf(range(2, switchOnTwo, two.get(two.size() - 1)));
                byte[] stored = f.store.read("00000002", switchOnTwo);
                assertThat(stored).isEqualTo(binary(standby, "SELECT pg_read_binary_file('pg_wal/" + switchOnTwo
                        + "')"));
                assertThat(Arrays.copyOf(stored, tail.length)).as("timeline 2 starts with timeline 1's bytes")
                        .isEqualTo(tail);
                assertThat(f.progress.stream().filter(p -> p.timeline() == 2)).allSatisfy(p -> assertThat(
                        LogSequenceNumber.valueOf(p.archivedPosition()).asLong()).isGreaterThanOrEqualTo(switchPoint))
                        .anySatisfy(p -> assertThat(p.segment()).startsWith("00000002"));

                Map<String, ObjectInfo> before = objects(f);
                sql(standby, "INSERT INTO fleet (note) SELECT 'restarted ' || g FROM generate_series(1, 1000) g");
                String later = text(standby, "SELECT pg_walfile_name(pg_current_wal_lsn())");
                sql(standby, "SELECT pg_switch_wal()");
                WalArchiver resumed = f.start();
                f.await("segment " + later + " after the restart", () -> f.segments("00000002").contains(later));
                resumed.close();
                String tip = two.get(two.size() - 1);
                assertThat(resumed.resumePoint().get()).isEqualTo(new WalArchiver.ResumePoint(next(tip), true));
                assertThat(f.switches).containsExactly("1->2");
                Map<String, ObjectInfo> after = objects(f);
                before.forEach((key, info) -> assertThat(after.get(key).lastModified()).as("%s rewritten", key)
                        .isEqualTo(info.lastModified()));
                List<String> twoAfter = f.segments("00000002");
                assertThat(twoAfter).containsExactlyElementsOf(range(2, switchOnTwo, twoAfter.get(twoAfter.size()
                        - 1)));
                assertThat(f.store.read("00000002", later)).isEqualTo(binary(standby,
                        "SELECT pg_read_binary_file('pg_wal/" + later + "')"));
            }
        }
    }

    @Test
    void catchesUpOnTheOldTimelineUpToItsSwitchPointWhenItStartsAfterThePromotion(@TempDir Path dir)
            throws Exception {
        try (PostgresServer primary = PostgresServer.start()) {
            PostgresServer standby = primary.startStandby();
            sql(primary, "CREATE TABLE fleet (id serial PRIMARY KEY, note text)");
            standby.awaitReplayOfPrimary();
            try (WalArchiveFixture f = new WalArchiveFixture(standby, "fleet", dir)) {
                WalArchiver archiver = f.start();
                f.await("the archiver to connect to the standby", () -> archiver.resumePoint().isPresent());
                String first = archiver.resumePoint().get().segment();
                String full = text(primary, "SELECT pg_walfile_name(pg_current_wal_lsn())");
                sql(primary, "SELECT pg_switch_wal()");
                standby.awaitReplayOfPrimary();
                f.await("timeline 1 segment " + full + " stored", () -> f.segments().contains(full));
                archiver.close();
                String tip = f.segments().get(f.segments().size() - 1);

                // While no archiver runs: two more segments on timeline 1, a tail, the promotion, timeline 2.
                for (int i = 0; i < 2; i++) {
                    sql(primary, "INSERT INTO fleet (note) SELECT 'missed ' || g FROM generate_series(1, 1000) g",
                            "SELECT pg_switch_wal()");
                }
                sql(primary, "INSERT INTO fleet (note) SELECT 'tail ' || g FROM generate_series(1, 100) g");
                standby.awaitReplayOfPrimary();
                standby.promote();
                sql(standby, "INSERT INTO fleet (note) SELECT 'after ' || g FROM generate_series(1, 1000) g");
                String onTwo = text(standby, "SELECT pg_walfile_name(pg_current_wal_lsn())");
                sql(standby, "SELECT pg_switch_wal()");

                WalArchiver resumed = f.start();
                f.await("timeline 2 segment " + onTwo + " stored", () -> f.segments("00000002").contains(onTwo));
                resumed.close();
                assertThat(resumed.resumePoint().get()).isEqualTo(new WalArchiver.ResumePoint(next(tip), true));
                assertThat(f.switches).containsExactly("1->2");
                byte[] history = binary(standby, "SELECT pg_read_binary_file('pg_wal/00000002.history')");
                assertThat(f.store.history("00000002")).hasValue(history);
                long switchPoint = TimelineHistory.parse(2, history).switchPoint(1).getAsLong();
                String switchSegment = WalSegments.segmentOf(1, switchPoint, SEGMENT);
                assertThat(f.segments("00000001")).containsExactlyElementsOf(range(1, first, previous(
                        switchSegment)));
                byte[] tail = f.store.read("00000001", switchSegment + WalStore.PARTIAL_SUFFIX);
                assertThat((long) tail.length).isEqualTo(switchPoint % SEGMENT);
                String switchOnTwo = WalSegments.segmentOf(2, switchPoint, SEGMENT);
                List<String> two = f.segments("00000002");
                assertThat(two).containsExactlyElementsOf(range(2, switchOnTwo, two.get(two.size() - 1)));
                assertThat(Arrays.copyOf(f.store.read("00000002", switchOnTwo), tail.length)).isEqualTo(tail);
            }
        }
    }

    /** The stored complete segments and history files of both timelines, by key. */
    private static Map<String, ObjectInfo> objects(WalArchiveFixture f) throws IOException {
        return f.objectStore.list("fleet/wal/").stream().filter(o -> !o.key().endsWith(WalStore.PARTIAL_SUFFIX))
                .collect(Collectors.toMap(ObjectInfo::key, o -> o));
    }

    private static List<String> range(long timeline, String first, String last) {
        return java.util.stream.LongStream.rangeClosed(WalSegments.segmentNumber(first, SEGMENT),
                WalSegments.segmentNumber(last, SEGMENT)).mapToObj(n -> WalSegments.fileName(timeline, n, SEGMENT))
                .toList();
    }

    private static String previous(String segment) {
        return WalSegments.fileName(Long.parseLong(segment.substring(0, 8), 16),
                WalSegments.segmentNumber(segment, SEGMENT) - 1, SEGMENT);
    }

    private static String next(String segment) {
        return WalSegments.fileName(Long.parseLong(segment.substring(0, 8), 16),
                WalSegments.segmentNumber(segment, SEGMENT) + 1, SEGMENT);
    }

    private static void sql(PostgresServer server, String... statements) throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static String text(PostgresServer server, String query) throws SQLException {
        try (Connection c = server.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static byte[] binary(PostgresServer server, String query) throws SQLException {
        try (Connection c = server.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(
                        query)) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}
