package io.lifeboat.agent.pg.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.agent.pg.wal.WalStore;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PgAgentTestResource.class)
class PgWalArchivingIT {

    private static final int WAL_PAGE = 8192;
    private static final int LONG_PAGE_HEADER = 40;
    private static final int SHORT_PAGE_HEADER = 24;

    @Inject
    ObjectStore store;

    @Inject
    MasterKey masterKey;

    @Test
    void archivesTheWalOfAnInsertAndReportsProgressPastItOnTheArchiveTopic() throws Exception {
        String marker = "lifeboat-wal-marker-" + UUID.randomUUID();
        String first;
        String lastInsert;
        String last;
        try (Connection connection = PostgresServer.shared().connect(PgAgentTestResource.DATABASE);
                Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists wal_archived (id serial primary key, note text)");
            first = text(statement, "select pg_walfile_name(pg_current_wal_insert_lsn())");
            statement.execute("insert into wal_archived (note) values ('" + marker + "')");
            lastInsert = text(statement, "select pg_current_wal_insert_lsn()");
            last = text(statement, "select pg_walfile_name('" + lastInsert + "')");
            statement.execute("select pg_switch_wal()");
        }
        String timeline = first.substring(0, 8);
        WalStore wal = new WalStore(store, new ArtifactLayout(), masterKey, PgAgentTestResource.ARCHIVED,
                WriteOptions.HOT);

        Await.until("ArchiveProgressed of target 'archived' past " + lastInsert, PgKafka.PATIENCE,
                () -> progress().stream().anyMatch(p -> lsn(p.archivedPosition()) > lsn(lastInsert)),
                () -> "reported: " + progress().stream().map(ArchiveProgressed::archivedPosition).toList());
        Await.until("segment " + last + " of target 'archived' in the store", PgKafka.PATIENCE,
                () -> segments(wal, timeline).contains(last), () -> "stored: " + segments(wal, timeline));

        List<ArchiveProgressed> reports = progress();
        assertThat(reports).allSatisfy(p -> {
            assertThat(p.engine()).isEqualTo(Engine.POSTGRES);
            assertThat(p.location().prefix()).isEqualTo(PgAgentTestResource.ARCHIVED + "/wal/");
        });
        ArchiveProgressed past = reports.stream().filter(p -> lsn(p.archivedPosition()) > lsn(lastInsert))
                .findFirst().orElseThrow();
        assertThat(past.timeline()).isEqualTo(Long.parseLong(timeline, 16));
        assertThat(past.segment()).startsWith(timeline);

        List<String> covering = segments(wal, timeline).stream()
                .filter(s -> s.compareTo(first) >= 0 && s.compareTo(last) <= 0).toList();
        assertThat(covering).startsWith(first).endsWith(last);
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (String segment : covering) {
            byte[] stored = wal.read(timeline, segment);
            Path archived = PostgresServer.shared().archiveDir().resolve(segment);
            Await.until("PostgreSQL's own archive of " + segment, PgKafka.PATIENCE, () -> Files.exists(archived),
                    () -> "not in " + archived.getParent());
            assertThat(stored).as(segment).isEqualTo(Files.readAllBytes(archived));
            withoutPageHeaders(stored, records);
        }
        assertThat(records.toString(StandardCharsets.ISO_8859_1)).contains(marker);
        assertThat(store.list(new ArtifactLayout().walPrefix(PgAgentTestResource.ARCHIVED, timeline)))
                .noneMatch(info -> new String(readAll(info.key()), StandardCharsets.ISO_8859_1).contains(marker));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("lifeboat_archive_timeline{engine=\"postgres\",target=\"archived\"} "
                        + Long.parseLong(timeline, 16)))
                .body(containsString("lifeboat_archive_lag_bytes{engine=\"postgres\",target=\"archived\"}"))
                .body(containsString(
                        "lifeboat_archive_progress_reports_total{engine=\"postgres\",target=\"archived\"}"));
    }

    /** The WAL records' bytes: every 8 KiB page without its header (40 bytes on a segment's first page, else 24). */
    private static void withoutPageHeaders(byte[] segment, ByteArrayOutputStream out) {
        for (int page = 0; page < segment.length; page += WAL_PAGE) {
            int header = page == 0 ? LONG_PAGE_HEADER : SHORT_PAGE_HEADER;
            out.write(segment, page + header, Math.min(WAL_PAGE, segment.length - page) - header);
        }
    }

    private byte[] readAll(String key) {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("unable to read " + key, e);
        }
    }

    private static List<ArchiveProgressed> progress() {
        return PgKafka.events(Topics.ARCHIVE_EVENTS.name(),
                f -> f.payload() instanceof ArchiveProgressed p && p.targetId().equals(PgAgentTestResource.ARCHIVED))
                .stream().map(Envelope::payload).map(ArchiveProgressed.class::cast).toList();
    }

    private static List<String> segments(WalStore wal, String timeline) {
        try {
            return wal.segments(timeline);
        } catch (IOException e) {
            throw new IllegalStateException("unable to list the WAL of target 'archived'", e);
        }
    }

    private static long lsn(String text) {
        return LogSequenceNumber.valueOf(text).asLong();
    }

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
