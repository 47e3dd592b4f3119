package io.lifeboat.agent.pg.bench;

import java.util.concurrent.atomic.AtomicReference;

import io.lifeboat.agent.pg.wal.WalArchiveListener;
import io.lifeboat.agent.pg.wal.WalArchiver;
import io.lifeboat.agent.pg.wal.WalArchiverSettings;
import io.lifeboat.agent.pg.wal.WalGapException;
import io.lifeboat.agent.pg.wal.WalSlots;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.StorageLocation;

/** Lifeboat's continuous WAL archiving of the source, as {@code WalArchiving} starts it (1 s partials and progress). */
final class BenchArchiver implements AutoCloseable {

    final WalArchiver archiver;
    final AtomicReference<ArchiveProgressed> last = new AtomicReference<>();
    final AtomicReference<String> stopped = new AtomicReference<>();

    BenchArchiver(LifeboatAgent agent, BenchSource source) {
        WalArchiverSettings settings = WalArchiverSettings.of(LifeboatAgent.TARGET,
                source.server.jdbcUrl(BenchSource.DATABASE), source.server.user(), source.server.password(),
                WalSlots.defaultName(LifeboatAgent.TARGET),
                new StorageLocation("bench", LifeboatAgent.TARGET + "/wal/"));
        archiver = new WalArchiver(settings, agent.walStore(), new WalArchiveListener() {
            @Override
            public void progressed(ArchiveProgressed progress) {
                last.set(progress);
            }

            @Override
            public void gap(WalGapException gap) {
                stopped.set("gap: " + gap.getMessage());
            }

            @Override
            public void failed(Exception cause) {
                stopped.set("failed: " + cause);
            }
        });
        archiver.start();
    }

    @Override
    public void close() {
        archiver.close();
    }
}
