package io.lifeboat.agent.pg.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

import io.lifeboat.agentkit.agent.RestoreEngine.RestoreResult;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.testkit.postgres.ShutdownMode;

/**
 * The pg-rpo benchmark: a pgbench database with a Lifeboat FULL backup and Lifeboat's continuous WAL archiving, a
 * steady load of single-row commits from several clients, then the primary is stopped as a crash would stop it
 * ({@code pg_ctl stop -m immediate}) while the load runs; Lifeboat restores the latest point, and every commit a
 * client saw acknowledged but the restored data lacks is counted. {@code lost_s} is the span from the first lost
 * acknowledgement to the last acknowledgement (0 when nothing is lost). Prints a {@code RESULT pg-rpo} line.
 */
public final class PgRpoBench {

    private PgRpoBench() {
    }

    /** Args: [pgbench scale, default 130] [seconds of load before the crash, default 20] [clients, default 4]. */
    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 130;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path work = BenchWork.create("lifeboat-pg-rpo-");
        try (BenchSource source = BenchSource.start()) {
            System.out.printf("pgbench -i -s %d: %.1f s (%s)%n", scale, source.pgbenchInit(scale), Shell.load());
            // A new slot reserves WAL from the last checkpoint's redo point: without this one the archiver would start
            // by storing all the WAL of pgbench -i (max_wal_size = 4GB leaves the redo point at the start).
            source.execute("checkpoint");
            source.execute("create table rpo_commits (client int, seq bigint, primary key (client, seq))");
            LifeboatAgent agent = new LifeboatAgent(new LocalObjectStore(work.resolve("store")),
                    work.resolve("master-key.json"), source.server);
            Manifest backup;
            Client[] load = new Client[clients];
            long crash;
            try (BenchArchiver archiver = new BenchArchiver(agent, source)) {
                long start = System.nanoTime();
                backup = agent.fullBackup();
                System.out.printf("lifeboat full backup: %.1f s (%s)%n", Shell.since(start), Shell.load());
                String url = source.server.jdbcUrl(BenchSource.DATABASE);
                for (int i = 0; i < clients; i++) {
                    load[i] = new Client(i, DriverManager.getConnection(url, source.server.user(),
                            source.server.password()));
                }
                long loadStart = System.nanoTime();
                for (Client client : load) {
                    client.thread.start();
                }
                Thread.sleep(seconds * 1000L);
                crash = System.nanoTime();
                source.server.stop(ShutdownMode.IMMEDIATE);
                long acknowledged = 0;
                for (Client client : load) {
                    client.thread.join();
                    acknowledged += client.count;
                }
                System.out.printf(
                        "load: %d clients, %d commits acknowledged in %.1f s (%.0f/s) before the crash (%s)%n",
                        clients, acknowledged, (crash - loadStart) / 1e9, acknowledged / ((crash - loadStart) / 1e9),
                        Shell.load());
                long waitUntil = System.nanoTime() + 10_000_000_000L;
                while (archiver.stopped.get() == null && System.nanoTime() < waitUntil) {
                    Thread.sleep(50);
                }
                System.out.println("archiver after the crash: " + archiver.stopped.get() + "; last progress "
                        + archiver.last.get());
            }

            Path restored = work.resolve("restore");
            int port = RestoredCopy.freePort();
            long start = System.nanoTime();
            RestoreResult result = agent.restoreLatest(backup, restored, port);
            System.out.printf("lifeboat restore latest: %.1f s, reached %s (%s) (%s)%n", Shell.since(start),
                    result.restoredToPosition(), result.restoredTo(), Shell.load());
            long lost = 0;
            long acknowledged = 0;
            long firstLostAck = Long.MAX_VALUE;
            long lastAck = 0;
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/"
                    + BenchSource.DATABASE, source.server.user(), source.server.password());
                    PreparedStatement query = connection.prepareStatement(
                            "select seq from rpo_commits where client = ? order by seq")) {
                for (Client client : load) {
                    query.setInt(1, client.id);
                    boolean[] present = new boolean[client.count];
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            long seq = rows.getLong(1);
                            if (seq < client.count) {
                                present[(int) seq] = true;
                            }
                        }
                    }
                    acknowledged += client.count;
                    for (int seq = 0; seq < client.count; seq++) {
                        if (!present[seq]) {
                            lost++;
                            firstLostAck = Math.min(firstLostAck, client.acks[seq]);
                        }
                    }
                    if (client.count > 0) {
                        lastAck = Math.max(lastAck, client.acks[client.count - 1]);
                    }
                }
            }
            RestoredCopy.discard(source.server, restored);
            double lostSeconds = lost == 0 ? 0 : (lastAck - firstLostAck) / 1e9;
            System.out.printf("lost %d of %d acknowledged commits; the first lost one was acknowledged %.3f s before "
                    + "the last acknowledgement, %.3f s before the crash%n", lost, acknowledged, lostSeconds,
                    lost == 0 ? 0 : (crash - firstLostAck) / 1e9);
            System.out.printf("RESULT pg-rpo lost_tx=%d lost_s=%.3f acknowledged_tx=%d%n", lost, lostSeconds,
                    acknowledged);
        } finally {
            Shell.deleteTree(work);
        }
    }

    /** One client: single-row autocommit inserts (seq 0, 1, 2, ...) and the time each commit was acknowledged. */
    private static final class Client {

        final int id;
        final Connection connection;
        final Thread thread;
        volatile int count;
        long[] acks = new long[1 << 16];

        Client(int id, Connection connection) {
            this.id = id;
            this.connection = connection;
            this.thread = new Thread(this::run, "rpo-client-" + id);
        }

        private void run() {
            try (connection;
                    PreparedStatement insert = connection.prepareStatement(
                            "insert into rpo_commits (client, seq) values (?, ?)")) {
                insert.setInt(1, id);
                for (int seq = 0;; seq++) {
                    insert.setLong(2, seq);
                    insert.executeUpdate();
                    long now = System.nanoTime();
                    if (seq == acks.length) {
                        acks = Arrays.copyOf(acks, acks.length * 2);
                    }
                    acks[seq] = now;
                    count = seq + 1;
                }
            } catch (SQLException e) {
                // The server went away: every commit before this one was acknowledged and counted.
            }
        }
    }
}
