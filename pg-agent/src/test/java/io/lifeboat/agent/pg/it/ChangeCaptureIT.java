package io.lifeboat.agent.pg.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.postgresql.replication.LogSequenceNumber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lifeboat.agent.pg.cdc.ChangeCapture;
import io.lifeboat.agent.pg.cdc.CommitPoint;
import io.lifeboat.agent.pg.cdc.SourceCommits;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PgAgentTestResource.class)
class ChangeCaptureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "lifeboat.changes." + PgAgentTestResource.CDC;
    private static final String TABLE = PgAgentTestResource.CDC_TABLE;

    @Inject
    SourceCommits commits;

    @Inject
    ChangeCapture capture;

    @Test
    void publishesInsertsUpdatesAndDeletesOfTheCapturedTableInCommitOrder() throws Exception {
        List<Long> transactions = new ArrayList<>();
        try (Connection connection = database()) {
            connection.setAutoCommit(false);
            transactions.add(transaction(connection, "insert into " + TABLE + " values (100, 'a', 1), (101, 'b', 2)"));
            transactions.add(transaction(connection, "update " + TABLE + " set name = 'b-2', qty = 7 where id = 101"));
            transactions.add(transaction(connection, "delete from " + TABLE + " where id = 100"));
            transactions.add(transaction(connection, "insert into " + TABLE + " values (102, 'c', 3)"));
        }

        List<Change> changes = awaitChanges(id -> id >= 100 && id < 200, 5);

        assertThat(changes).extracting(Change::describe).containsExactly("c 100 a 1", "c 101 b 2", "u 101 b-2 7",
                "d 100", "c 102 c 3");
        assertThat(changes).extracting(Change::key).containsExactly("{\"id\":100}", "{\"id\":101}", "{\"id\":101}",
                "{\"id\":100}", "{\"id\":102}");
        assertThat(changes).extracting(Change::transactionId).containsExactly(transactions.get(0),
                transactions.get(0), transactions.get(1), transactions.get(2), transactions.get(3));
        assertThat(changes).extracting(Change::offset).isSorted();
        assertThat(changes.get(3).value().path("before").path("id").asInt()).isEqualTo(100);
        assertThat(changes.get(3).value().path("after").isNull()).isTrue();
    }

    @Test
    void reportsTheLsnAndCommitTimeOfTheNewestChangeOnTheSource() throws Exception {
        long earlier;
        long before;
        long transaction;
        Instant inside;
        Instant after;
        long lsnAfter;
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            earlier = transaction(connection, "insert into " + TABLE + " values (260, 'earlier', 1)");
            connection.setAutoCommit(true);
            before = lsn(text(statement, "select pg_current_wal_insert_lsn()"));
            connection.setAutoCommit(false);
            statement.execute("insert into " + TABLE + " values (200, 'timed', 1)");
            transaction = Long.parseLong(text(statement, "select txid_current()"));
            inside = instant(statement, "select clock_timestamp()");
            connection.commit();
            connection.setAutoCommit(true);
            after = instant(statement, "select clock_timestamp()");
            lsnAfter = lsn(text(statement, "select pg_current_wal_insert_lsn()"));
        }

        Await.until("the newest change of target 'cdc' from transaction " + transaction, PgKafka.PATIENCE,
                () -> commits.newest(PgAgentTestResource.CDC).map(p -> p.transactionId() == transaction)
                        .orElse(false),
                () -> "newest: " + commits.newest(PgAgentTestResource.CDC));
        CommitPoint newest = commits.newest(PgAgentTestResource.CDC).orElseThrow();

        assertThat(newest.lsn()).isBetween(before, lsnAfter);
        // The commit time lies between the last statement inside the transaction and the first one after it.
        assertThat(newest.commitTime()).isBetween(inside, after);
        assertThat(commits.atOrBelow(PgAgentTestResource.CDC, newest.lsn())).contains(newest);
        CommitPoint earlierChange = commits.atOrBelow(PgAgentTestResource.CDC, newest.lsn() - 1).orElseThrow();
        assertThat(earlierChange.transactionId()).isEqualTo(earlier);
        // source.lsn is the change's own position: the transaction's commit record ends after it.
        long commitEnd = commitRecordEnd(before, lsnAfter, transaction);
        assertThat(newest.lsn()).isLessThan(commitEnd);
        assertThat(commits.since(PgAgentTestResource.CDC, newest.commitTime())).last().isEqualTo(newest);
        Change published = awaitChanges(id -> id == 200, 1).get(0);
        assertThat(published.value().path("source").path("ts_us").asLong())
                .isEqualTo(newest.commitTime().getEpochSecond() * 1_000_000 + newest.commitTime().getNano() / 1_000);
        assertThat(published.value().path("source").path("lsn").asLong()).isEqualTo(newest.lsn());
    }

    @Test
    void aChangeMadeWhileCaptureIsStoppedIsPublishedOnceAfterItStartsAndNothingIsSentTwice() throws Exception {
        insert(300, "before-stop");
        awaitChanges(id -> id == 300, 1);

        capture.stop(PgAgentTestResource.CDC);
        Await.until("slot lifeboat_cdc_cdc released", PgKafka.PATIENCE, () -> !slotActive(),
                () -> "still streaming");
        List<ConsumerRecord<String, byte[]>> stopped = KafkaBroker.shared().readCommitted(TOPIC, PgKafka.PATIENCE);
        insert(301, "while-stopped");
        insert(302, "while-stopped-too");
        assertThat(changes(id -> id == 301 || id == 302)).isEmpty();

        capture.start(PgAgentTestResource.CDC);
        insert(303, "after-start");
        awaitChanges(id -> id == 303, 1);

        List<ConsumerRecord<String, byte[]>> now = KafkaBroker.shared().readCommitted(TOPIC, PgKafka.PATIENCE);
        // The graceful stop committed the offsets of every acknowledged batch: nothing before it is sent again.
        assertThat(now).hasSize(stopped.size() + 3);
        assertThat(now.subList(stopped.size(), now.size())).extracting(r -> parse(r).describe())
                .containsExactly("c 301 while-stopped 1", "c 302 while-stopped-too 1", "c 303 after-start 1");
    }

    @Test
    void dropsTheSlotAndPublicationLeftByATargetWhoseChangeCaptureIsDisabled() throws Exception {
        Await.until("slot lifeboat_cdc_cdc_off dropped", PgKafka.PATIENCE,
                () -> count("select count(*) from pg_replication_slots where slot_name = 'lifeboat_cdc_cdc_off'") == 0,
                () -> "still there");
        assertThat(count("select count(*) from pg_publication where pubname = 'lifeboat_cdc_off'")).isZero();
        // The enabled target keeps its own: a pgoutput slot and a publication of exactly its table.
        assertThat(count("select count(*) from pg_replication_slots where slot_name = 'lifeboat_cdc_cdc'"
                + " and plugin = 'pgoutput'")).isEqualTo(1);
        assertThat(count("select count(*) from pg_publication_tables where pubname = 'lifeboat_cdc'")).isEqualTo(1);
        assertThat(count("select count(*) from pg_publication_tables where pubname = 'lifeboat_cdc'"
                + " and tablename = '" + TABLE + "'")).isEqualTo(1);
    }

    @Test
    void theSlotFollowsTheServerWhileOnlyTablesThatAreNotCapturedChange() throws Exception {
        insert(500, "last-captured");
        awaitChanges(id -> id == 500, 1);
        long written;
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists cdc_not_captured (id int primary key, note text)");
            statement.execute("insert into cdc_not_captured select i, repeat('x', 100) from generate_series(1, 5000) i"
                    + " on conflict do nothing");
            written = lsn(text(statement, "select pg_current_wal_lsn()"));
        }

        Await.until("slot lifeboat_cdc_cdc confirmed past " + LogSequenceNumber.valueOf(written), PgKafka.PATIENCE,
                () -> confirmed() >= written, () -> "confirmed: " + LogSequenceNumber.valueOf(confirmed()));
        assertThat(changes(id -> id == 500)).hasSize(1);
    }

    /** Not a threshold test: commits rows one at a time and prints how long each took to reach the broker. */
    private record Change(long offset, String key, JsonNode value) {

        String op() {
            return value.path("op").asText();
        }

        int id() {
            JsonNode row = op().equals("d") ? value.path("before") : value.path("after");
            return row.path("id").asInt();
        }

        long transactionId() {
            return value.path("source").path("txId").asLong();
        }

        String describe() {
            JsonNode after = value.path("after");
            return op().equals("d")
                    ? "d " + id()
                    : op() + " " + id() + " " + after.path("name").asText() + " " + after.path("qty").asInt();
        }
    }

    private static List<Change> awaitChanges(IntPredicate ids, int expected) {
        Await.until(expected + " changes on " + TOPIC, PgKafka.PATIENCE, () -> changes(ids).size() >= expected,
                () -> "seen: " + changes(ids).stream().map(Change::describe).toList());
        List<Change> changes = changes(ids);
        assertThat(changes).hasSize(expected);
        return changes;
    }

    private static List<Change> changes(IntPredicate ids) {
        return KafkaBroker.shared().readCommitted(TOPIC, PgKafka.PATIENCE).stream().map(ChangeCaptureIT::parse)
                .filter(c -> ids.test(c.id())).toList();
    }

    private static Change parse(ConsumerRecord<String, byte[]> record) {
        try {
            return new Change(record.offset(), record.key(), JSON.readTree(record.value()));
        } catch (IOException e) {
            throw new IllegalStateException("not JSON at " + TOPIC + "@" + record.offset(), e);
        }
    }

    private static long transaction(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            long id = Long.parseLong(text(statement, "select txid_current()"));
            connection.commit();
            return id;
        }
    }

    private static void insert(int id, String name) throws SQLException {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.execute("insert into " + TABLE + " values (" + id + ", '" + name + "', 1)");
        }
    }

    private static long confirmed() {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            return lsn(text(statement,
                    "select confirmed_flush_lsn from pg_replication_slots where slot_name = 'lifeboat_cdc_cdc'"));
        } catch (SQLException e) {
            throw new IllegalStateException("unable to read slot lifeboat_cdc_cdc: " + e.getMessage(), e);
        }
    }

    /** End of the COMMIT record of {@code xid} between two positions, read with pg_walinspect. */
    private static long commitRecordEnd(long from, long to, long xid) throws SQLException {
        try (Connection connection = PostgresServer.shared().connect();
                Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_walinspect");
            return lsn(text(statement, "select end_lsn from pg_get_wal_records_info('"
                    + LogSequenceNumber.valueOf(from).asString() + "', '" + LogSequenceNumber.valueOf(to).asString()
                    + "') where xid = " + xid + " and record_type = 'COMMIT'"));
        }
    }

    private static boolean slotActive() {
        return count("select count(*) from pg_replication_slots where slot_name = 'lifeboat_cdc_cdc' and active") > 0;
    }

    private static long count(String sql) {
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            return Long.parseLong(text(statement, sql));
        } catch (SQLException e) {
            throw new IllegalStateException("unable to run " + sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection database() throws SQLException {
        return PostgresServer.shared().connect(PgAgentTestResource.DATABASE);
    }

    private static Instant instant(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getObject(1, OffsetDateTime.class).toInstant();
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
