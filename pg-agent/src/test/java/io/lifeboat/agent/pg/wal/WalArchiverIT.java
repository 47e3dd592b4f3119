package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.testkit.postgres.PostgresOptions;
import io.lifeboat.testkit.postgres.PostgresServer;

class WalArchiverIT {

    private static final long SEGMENT = 16L << 20;

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start(PostgresOptions.defaults().withConfig("track_commit_timestamp = on"));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesEverySegmentPostgresArchivedByteForByteAndResumesAfterTheStoredTip(@TempDir Path dir)
            throws Exception {
        try (WalArchiveFixture f = new WalArchiveFixture(server, "orders", dir)) {
            WalArchiver archiver = f.start();
            f.await("the archiver to connect", () -> archiver.resumePoint().isPresent());
            assertThat(archiver.resumePoint().get().fromStore()).isFalse();
            String first = archiver.resumePoint().get().segment();
            f.sql("CREATE TABLE orders (id serial PRIMARY KEY, note text)");
            List<String> switched = switchSegments(f, 3);
            f.await("the switched segments in the store", () -> f.segments().containsAll(switched));
            archiver.close();

            List<String> stored = f.segments();
            Map<String, ObjectInfo> before = objects(f);
            assertThat(stored.get(0)).isEqualTo(first);
            assertThat(stored).containsExactlyElementsOf(contiguous(first, stored.get(stored.size() - 1)));
            f.await("PostgreSQL's own archive of the switched segments",
                    () -> switched.stream().allMatch(s -> Files.exists(server.archiveDir().resolve(s))));
            int compared = 0;
            for (String segment : stored) {
                Path archived = server.archiveDir().resolve(segment);
                if (Files.exists(archived)) {
                    assertThat(f.store.read("00000001", segment)).as(segment).isEqualTo(Files.readAllBytes(archived));
                    compared++;
                }
            }
            assertThat(compared).isGreaterThanOrEqualTo(3);

            List<String> more = switchSegments(f, 2);
            WalArchiver resumed = f.start();
            f.await("the segments written while stopped", () -> f.segments().containsAll(more));
            resumed.close();
            String tip = stored.get(stored.size() - 1);
            assertThat(resumed.resumePoint().get()).isEqualTo(new WalArchiver.ResumePoint(next(tip), true));
            List<String> after = f.segments();
            assertThat(after).containsExactlyElementsOf(contiguous(first, after.get(after.size() - 1)));
            Map<String, ObjectInfo> afterObjects = objects(f);
            before.forEach((key, info) -> assertThat(afterObjects.get(key).lastModified()).as("%s rewritten", key)
                    .isEqualTo(info.lastModified()));
            for (String segment : more) {
                assertThat(f.store.read("00000001", segment))
                        .isEqualTo(Files.readAllBytes(server.archiveDir().resolve(segment)));
            }
        }
    }

    @Test
    void storesTheCommittedRowInTheEncryptedPartialTailWithinASecond(@TempDir Path dir) throws Exception {
        try (WalArchiveFixture f = new WalArchiveFixture(server, "payments", dir)) {
            String marker = "lifeboat-marker-" + UUID.randomUUID();
            f.sql("CREATE TABLE payments (id serial PRIMARY KEY, note text)");
            try (WalArchiver archiver = f.start()) {
                f.await("the archiver to connect", () -> archiver.resumePoint().isPresent());
                f.sql("INSERT INTO payments (note) VALUES ('" + marker + "')");
                long commitLsn = currentLsn();
                String segment = f.currentSegment();
                byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
                f.await("the marker in the partial tail", () -> {
                    try {
                        return indexOf(f.store.read("00000001", segment + WalStore.PARTIAL_SUFFIX), needle) >= 0;
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                f.await("progress past the commit", () -> f.progress.stream()
                        .anyMatch(p -> LogSequenceNumber.valueOf(p.archivedPosition()).asLong() >= commitLsn));
            }
            try (Stream<Path> files = Files.walk(f.storeRoot)) {
                List<Path> stored = files.filter(Files::isRegularFile).toList();
                assertThat(stored).isNotEmpty();
                for (Path file : stored) {
                    assertThat(indexOf(Files.readAllBytes(file), marker.getBytes(StandardCharsets.US_ASCII)))
                            .as("plaintext marker in %s", file).isNegative();
                }
            }
        }
    }

    private static List<String> switchSegments(WalArchiveFixture f, int n) throws Exception {
        List<String> switched = new ArrayList<>();
        String table = f.targetId;
        for (int i = 0; i < n; i++) {
            f.sql("INSERT INTO " + table + " (note) SELECT 'row ' || g FROM generate_series(1, 1000) g");
            switched.add(f.currentSegment());
            f.sql("SELECT pg_switch_wal()");
        }
        return switched;
    }

    private static long currentLsn() throws Exception {
        try (Connection c = server.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()")) {
            rs.next();
            return LogSequenceNumber.valueOf(rs.getString(1)).asLong();
        }
    }

    private static Map<String, ObjectInfo> objects(WalArchiveFixture f) throws IOException {
        return f.objectStore.list("orders/wal/00000001/").stream()
                .filter(o -> WalSegments.isSegmentName(o.key().substring(o.key().lastIndexOf('/') + 1)))
                .collect(Collectors.toMap(ObjectInfo::key, o -> o));
    }

    private static String next(String segment) {
        return WalSegments.fileName(1, WalSegments.segmentNumber(segment, SEGMENT) + 1, SEGMENT);
    }

    private static List<String> contiguous(String first, String last) {
        List<String> all = new ArrayList<>();
        for (long n = WalSegments.segmentNumber(first, SEGMENT); n <= WalSegments.segmentNumber(last, SEGMENT); n++) {
            all.add(WalSegments.fileName(1, n, SEGMENT));
        }
        return all;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
