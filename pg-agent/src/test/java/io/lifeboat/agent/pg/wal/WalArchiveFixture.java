package io.lifeboat.agent.pg.wal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;

/** One target's WAL archive in a local store under a temp dir, with a listener that records what it hears. */
final class WalArchiveFixture implements WalArchiveListener, AutoCloseable {

    final PostgresServer server;
    final String targetId;
    final Path storeRoot;
    final LocalObjectStore objectStore;
    final WalStore store;
    final List<ArchiveProgressed> progress = new CopyOnWriteArrayList<>();
    final AtomicReference<WalGapException> gap = new AtomicReference<>();
    final AtomicReference<Exception> failure = new AtomicReference<>();
    final List<String> switches = new CopyOnWriteArrayList<>();
    volatile long switchedAtNanos;

    WalArchiveFixture(PostgresServer server, String targetId, Path dir) throws IOException {
        this.server = server;
        this.targetId = targetId;
        this.storeRoot = dir.resolve("store");
        this.objectStore = new LocalObjectStore(storeRoot);
        this.store = new WalStore(objectStore, new ArtifactLayout(),
                LocalKeyFileMasterKey.openOrCreate(dir.resolve("master.key")), targetId, WriteOptions.HOT);
    }

    WalArchiver start() {
        WalArchiver archiver = archiver(this);
        archiver.start();
        return archiver;
    }

    /** A new, unstarted archiver of this fixture's target that reports to {@code listener}. */
    WalArchiver archiver(WalArchiveListener listener) {
        return new WalArchiver(WalArchiverSettings.of(targetId, server.jdbcUrl(), server.user(), server.password(),
                targetId + "_slot", new StorageLocation(storeRoot.toString(), targetId)), store, listener);
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    String currentSegment() throws SQLException {
        try (Connection c = server.connect();
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT pg_walfile_name(pg_current_wal_lsn())")) {
            rs.next();
            return rs.getString(1);
        }
    }

    void await(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(30), () -> {
            if (failure.get() != null || gap.get() != null) {
                throw new AssertionError("WAL archiver stopped", failure.get() != null ? failure.get() : gap.get());
            }
            return condition.getAsBoolean();
        }, () -> "stored: " + segments());
    }

    List<String> segments() {
        return segments("00000001");
    }

    List<String> segments(String timelineHex) {
        try {
            return store.segments(timelineHex);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> objects(String timelineHex) {
        try {
            return store.objects(timelineHex);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void progressed(ArchiveProgressed p) {
        progress.add(p);
    }

    @Override
    public void gap(WalGapException e) {
        gap.set(e);
    }

    @Override
    public void timelineSwitched(long fromTimeline, long toTimeline) {
        switchedAtNanos = System.nanoTime();
        switches.add(fromTimeline + "->" + toTimeline);
    }

    @Override
    public void failed(Exception cause) {
        failure.set(cause);
    }

    @Override
    public void close() throws IOException {
        objectStore.close();
    }
}
