package io.lifeboat.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.testkit.process.Command;
import io.lifeboat.testkit.process.CommandResult;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.LogTail;
import io.lifeboat.testkit.process.OsUser;
import io.lifeboat.testkit.process.TempDirs;

/**
 * One PostgreSQL data directory and the pg_ctl, initdb and pg_basebackup calls on it, each run as the server's OS
 * user. Layout of its temp dir: {@code data/}, {@code archive/} (WAL archive), {@code postgres.log} and the socket.
 */
final class PostgresCluster {

    private static final int BIND_ATTEMPTS = 3;

    final PostgresBinaries binaries;
    final PostgresOptions options;
    final OsUser os;
    final Path root;
    final Path data;
    final Path archive;
    final Path log;
    int port;

    private PostgresCluster(PostgresBinaries binaries, PostgresOptions options, String prefix) {
        this.binaries = binaries;
        this.options = options;
        this.os = new OsUser(options.osUser());
        this.root = TempDirs.create(prefix);
        this.data = root.resolve("data");
        this.archive = root.resolve("archive");
        this.log = root.resolve("postgres.log");
        this.port = FreePorts.find();
        try {
            Files.createDirectory(archive);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to create WAL archive directory " + archive + ": " + e.getMessage(),
                    e);
        }
        os.takeOwnership(root);
    }

    /** A new primary: initdb with a superuser whose password is stored as SCRAM, then the fixture's config. */
    static PostgresCluster initdb(PostgresBinaries binaries, PostgresOptions options) {
        PostgresCluster cluster = new PostgresCluster(binaries, options, "lifeboat-pg-");
        Path pwfile = cluster.root.resolve("pwfile");
        try {
            Files.writeString(pwfile, options.password() + "\n");
            cluster.os.takeOwnership(pwfile);
            List<String> args = new ArrayList<>(List.of(binaries.tool("initdb").toString(), "-D",
                    cluster.data.toString(), "-U", options.user(), "--pwfile=" + pwfile, "-E", "UTF8", "--no-locale",
                    "--data-checksums", "--auth-local=trust", "--auth-host=scram-sha-256"));
            if (!options.durable()) {
                args.add("--no-sync");
            }
            cluster.command(args).runChecked("initialise PostgreSQL data directory " + cluster.data);
            Files.delete(pwfile);
            PostgresConfig.include(cluster.data);
            PostgresConfig.writeHba(cluster.data);
            cluster.writeConfig();
            return cluster;
        } catch (IOException e) {
            cluster.delete();
            throw new UncheckedIOException("unable to write password file " + pwfile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            cluster.delete();
            throw e;
        }
    }

    /** A new standby of {@code primary}: pg_basebackup -R streaming from a new physical replication slot. */
    static PostgresCluster standbyOf(PostgresCluster primary, String slot) {
        PostgresCluster standby = new PostgresCluster(primary.binaries, primary.options, "lifeboat-pg-standby-");
        List<String> args = new ArrayList<>(List.of(primary.binaries.tool("pg_basebackup").toString(), "-D",
                standby.data.toString(), "-R", "-X", "stream", "-C", "-S", slot, "-c", "fast", "-h", "127.0.0.1",
                "-p", String.valueOf(primary.port), "-U", primary.options.user()));
        if (!primary.options.durable()) {
            args.add("--no-sync");
        }
        standby.command(args).env("PGPASSWORD", primary.options.password())
                .runChecked(
                        "create a standby of the PostgreSQL server on port " + primary.port + " in " + standby.data);
        standby.writeConfig();
        return standby;
    }

    /** Starts the server and waits until it accepts connections, moving to another port if this one is taken. */
    void start() {
        for (int attempt = 1;; attempt++) {
            long logStart = log.toFile().length();
            CommandResult result = command(List.of(binaries.tool("pg_ctl").toString(), "-D", data.toString(), "-l",
                    log.toString(), "-w", "-t", String.valueOf(options.startTimeout().toSeconds()), "start")).run();
            if (result.exitCode() == 0) {
                return;
            }
            String serverLog = LogTail.of(log, 40);
            boolean portTaken = readFrom(logStart).contains("could not bind");
            if (!portTaken || attempt == BIND_ATTEMPTS) {
                throw new IllegalStateException("PostgreSQL in " + data + " did not start on 127.0.0.1:" + port
                        + ": pg_ctl exited with " + result.exitCode() + ": " + result.tail(5).strip()
                        + "\nserver log " + log + ":\n" + serverLog);
            }
            port = FreePorts.find();
            writeConfig();
        }
    }

    void stop(ShutdownMode mode) {
        command(List.of(binaries.tool("pg_ctl").toString(), "-D", data.toString(), "-m", mode.pgCtlName(), "-w",
                "stop")).runChecked("stop PostgreSQL in " + data + " (" + mode + ")");
    }

    /** Whether a postmaster runs on this data directory ({@code pg_ctl status} exits with 0). */
    boolean isRunning() {
        return Files.exists(data.resolve("postmaster.pid"))
                && command(List.of(binaries.tool("pg_ctl").toString(), "-D", data.toString(), "status"))
                        .run().exitCode() == 0;
    }

    void promote() {
        command(List.of(binaries.tool("pg_ctl").toString(), "-D", data.toString(), "-w", "promote"))
                .runChecked("promote the PostgreSQL standby in " + data);
    }

    /** Deletes the temp dir; the server must not be running. */
    void delete() {
        TempDirs.deleteRecursively(root);
    }

    Command command(List<String> args) {
        return Command.of(args).as(os).in(root).timeout(options.startTimeout());
    }

    private void writeConfig() {
        PostgresConfig.writeInstance(data, port, root, archive, options);
        os.takeOwnership(data.resolve(PostgresConfig.FILE));
    }

    private String readFrom(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            return new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset));
        } catch (IOException e) {
            return "";
        }
    }
}
