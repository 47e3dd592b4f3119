package io.lifeboat.agent.pg.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import io.lifeboat.agentkit.agent.RestoreEngine.RestoreResult;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.LocalObjectStore;

/**
 * The pg-restore benchmark: a pgbench database with a Lifeboat FULL backup and a pgBackRest full backup, then about
 * 500 MB of WAL archived by both at once (Lifeboat's WalArchiver streaming from its slot, pgBackRest's
 * {@code archive-push} as the server's archive_command); then each restores its backup plus all that WAL into a new
 * data directory until the server is ready and promoted. Both restored servers must show the source's row counts.
 * Prints a {@code RESULT pg-restore} line.
 */
public final class PgRestoreBench {

    private PgRestoreBench() {
    }

    /** Args: [pgbench scale, default 130] [MiB of WAL after the backups, default 500 at scale 130, pro rata]. */
    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 130;
        long walMb = args.length > 1 ? Long.parseLong(args[1]) : Math.max(48, 500L * scale / 130);
        Path work = BenchWork.create("lifeboat-pg-restore-");
        try (BenchSource source = BenchSource.start()) {
            System.out.printf("pgbench -i -s %d: %.1f s (%s)%n", scale, source.pgbenchInit(scale), Shell.load());
            // A new slot reserves WAL from the last checkpoint's redo point: without this one the archiver would start
            // by storing all the WAL of pgbench -i (max_wal_size = 4GB leaves the redo point at the start).
            source.execute("checkpoint");
            PgBackRest backrest = PgBackRest.create(work, source);
            source.execute("alter system set archive_command = '" + backrest.archiveCommand().replace("'", "''")
                    + "'");
            source.execute("select pg_reload_conf()");
            LifeboatAgent agent = new LifeboatAgent(new LocalObjectStore(work.resolve("store")),
                    work.resolve("master-key.json"), source.server);
            Manifest backup;
            long wal;
            try (BenchArchiver archiver = new BenchArchiver(agent, source)) {
                long start = System.nanoTime();
                backup = agent.fullBackup();
                System.out.printf("lifeboat full backup: %.1f s, stored %.1f MiB (%s)%n", Shell.since(start),
                        backup.sizes().stored() / 1048576.0, Shell.load());
                start = System.nanoTime();
                backrest.fullBackup();
                System.out.printf("pgbackrest full backup: %.1f s, stored %.1f MiB (%s)%n", Shell.since(start),
                        backrest.lastBackupRepoBytes() / 1048576.0, Shell.load());

                start = System.nanoTime();
                wal = generateWal(source, scale, walMb << 20);
                String last = source.text("select pg_walfile_name(pg_switch_wal())");
                awaitArchived(source, agent, last, archiver);
                System.out.printf("WAL after the backups: %.0f MiB in %.1f s, up to %s, archived by both (%s)%n",
                        wal / 1048576.0, Shell.since(start), last, Shell.load());
            }
            Map<String, Long> expected = source.fingerprint(source.server.port());
            System.out.println("source: " + expected);
            source.server.stop(io.lifeboat.testkit.postgres.ShutdownMode.FAST);
            Path lifeboatWal = work.resolve("store").resolve(LifeboatAgent.TARGET).resolve("wal");
            System.out.printf("stored WAL: lifeboat %.1f MiB in %d objects, pgbackrest %.1f MiB in %d files%n",
                    Shell.treeBytes(lifeboatWal) / 1048576.0, Shell.fileCount(lifeboatWal),
                    backrest.archiveBytes() / 1048576.0, backrest.archiveFiles());

            Shell.run(List.of("sync"));
            Path lifeboatDir = work.resolve("restore-lifeboat");
            int port = RestoredCopy.freePort();
            long start = System.nanoTime();
            RestoreResult result = agent.restoreLatest(backup, lifeboatDir, port);
            double lifeboat = Shell.since(start);
            Map<String, Long> lifeboatRows = source.fingerprint(port);
            System.out.printf("lifeboat restore: %.2f s to promoted, reached %s (%s), %d bytes (%s); rows %s%n",
                    lifeboat, result.restoredToPosition(), result.restoredTo(), result.restoredBytes(), Shell.load(),
                    lifeboatRows);
            Files.copy(work.resolve(".restore-lifeboat.restore.log"), Path.of("/tmp/pg-restore-bench-lifeboat.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            RestoredCopy.discard(source.server, lifeboatDir);
            // Where Lifeboat's time goes (not in the RESULT): the extraction alone (read, check, decrypt, decompress,
            // tar -x as the server's account), the rest being server start, WAL replay and promotion.
            Shell.run(List.of("sync"));
            Files.createDirectories(lifeboatDir);
            Shell.run(List.of("chown", "postgres:postgres", lifeboatDir.toString()));
            start = System.nanoTime();
            try (java.io.InputStream artifact = agent.pipeline.openForRestore(LifeboatAgent.TARGET,
                    backup.backupId())) {
                Process tar = new ProcessBuilder(Shell.asPostgres("tar", "-x", "-f", "-", "-C", lifeboatDir.toString()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                try (java.io.OutputStream in = tar.getOutputStream()) {
                    artifact.transferTo(in);
                }
                if (tar.waitFor() != 0) {
                    throw new java.io.IOException("tar -x exited with " + tar.exitValue());
                }
            }
            System.out.printf("profile: lifeboat extraction alone: %.2f s (%s)%n", Shell.since(start), Shell.load());
            RestoredCopy.discard(source.server, lifeboatDir);

            Shell.run(List.of("sync"));
            Path backrestDir = work.resolve("restore-pgbackrest");
            Files.createDirectories(backrestDir);
            Shell.run(List.of("chown", "postgres:postgres", backrestDir.toString()));
            Shell.run(List.of("chmod", "700", backrestDir.toString()));
            port = RestoredCopy.freePort();
            Path log = work.resolve("restore-pgbackrest.log");
            start = System.nanoTime();
            backrest.restore(backrestDir);
            double files = Shell.since(start);
            // The same settings the pg-agent's restore appends: own port and socket, no archiving into the source's repo.
            Files.write(backrestDir.resolve("postgresql.auto.conf"), List.of("port = " + port,
                    "unix_socket_directories = '/tmp'", "listen_addresses = '127.0.0.1'", "archive_mode = off"),
                    StandardOpenOption.APPEND);
            Shell.run(Shell.asPostgres(source.server.binDir().resolve("pg_ctl").toString(), "-D",
                    backrestDir.toString(), "-l", log.toString(), "-W", "start"));
            RestoredCopy.awaitPromoted(source.server, port, log, 1800);
            double pgbackrest = Shell.since(start);
            Map<String, Long> backrestRows = source.fingerprint(port);
            System.out.printf("pgbackrest restore: %.2f s to promoted (pgbackrest restore %.2f s, then start, "
                    + "archive-get and replay) (%s); rows %s%n", pgbackrest, files, Shell.load(), backrestRows);
            Files.copy(log, Path.of("/tmp/pg-restore-bench-pgbackrest.log"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            RestoredCopy.discard(source.server, backrestDir);

            System.out.println("server logs of both restores: /tmp/pg-restore-bench-lifeboat.log, "
                    + "/tmp/pg-restore-bench-pgbackrest.log");
            boolean match = expected.equals(lifeboatRows) && expected.equals(backrestRows);
            if (!match) {
                System.out.println("ROWS DIFFER: source " + expected + ", lifeboat " + lifeboatRows + ", pgbackrest "
                        + backrestRows);
            }
            System.out.printf("RESULT pg-restore lifeboat_s=%.2f pgbackrest_s=%.2f ratio_vs_pgbackrest=%.2f "
                    + "wal_mb=%d rows_match=%s%n", lifeboat, pgbackrest, pgbackrest / lifeboat, wal >> 20, match);
            if (!match) {
                System.exit(1);
            }
        } finally {
            Shell.deleteTree(work);
        }
    }

    /**
     * Updates 1% of the accounts per statement until {@code bytes} of WAL were written since the start, then runs
     * pgbench's simple-update transactions (history rows) for the rest; returns the WAL written.
     */
    private static long generateWal(BenchSource source, int scale, long bytes) throws Exception {
        String begin = source.text("select pg_current_wal_lsn()");
        long accounts = 100_000L * scale;
        long step = Math.max(1, accounts / 100);
        long from = 1;
        while (source.number("select pg_wal_lsn_diff(pg_current_wal_lsn(), '" + begin + "')") < bytes) {
            source.execute("update pgbench_accounts set abalance = abalance + 1 where aid between " + from + " and "
                    + (from + step - 1));
            from = from + step > accounts ? 1 : from + step;
        }
        source.pgbench("-n", "-N", "-c", "2", "-j", "2", "-t", "1000");
        return source.number("select pg_wal_lsn_diff(pg_current_wal_lsn(), '" + begin + "')");
    }

    /** Waits until pgBackRest's archive_command and Lifeboat's archiver both hold segment {@code last}. */
    private static void awaitArchived(BenchSource source, LifeboatAgent agent, String last, BenchArchiver archiver)
            throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        String timeline = last.substring(0, 8);
        while (System.nanoTime() < deadline) {
            String pushed = source.text("select coalesce(last_archived_wal, '') from pg_stat_archiver");
            String stored = agent.walStore().highestSegment(timeline).orElse("");
            if (pushed.compareTo(last) >= 0 && stored.compareTo(last) >= 0) {
                return;
            }
            if (archiver.stopped.get() != null) {
                throw new IllegalStateException("the Lifeboat WAL archiver stopped: " + archiver.stopped.get());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("WAL segment " + last + " was not archived by both within 10 minutes");
    }
}
