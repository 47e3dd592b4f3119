package io.lifeboat.agent.pg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * pgBackRest from the Debian package as the benchmarks' reference: one stanza {@code bench} on the source server,
 * a posix repository on the same disk, zstd at its default level, two processes, fast start checkpoint. Runs as the
 * {@code postgres} account.
 */
final class PgBackRest {

    static final String STANZA = "bench";

    private final Path config;
    private final Path repo;

    private PgBackRest(Path config, Path repo) {
        this.config = config;
        this.repo = repo;
    }

    /** Installs nothing: the script does ({@code apt-get install pgbackrest}). Writes the config, creates the stanza. */
    static PgBackRest create(Path work, BenchSource source) throws IOException, InterruptedException {
        Path dir = work.resolve("pgbackrest");
        Path repo = dir.resolve("repo");
        for (String sub : List.of("repo", "log", "lock", "spool")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Path config = dir.resolve("pgbackrest.conf");
        Files.write(config, List.of(
                "[global]",
                "repo1-path=" + repo,
                "repo1-retention-full=100",
                "compress-type=zst",
                "process-max=2",
                "start-fast=y",
                "log-level-console=warn",
                "log-level-file=info",
                "log-path=" + dir.resolve("log"),
                "lock-path=" + dir.resolve("lock"),
                "spool-path=" + dir.resolve("spool"),
                "",
                "[" + STANZA + "]",
                "pg1-path=" + source.server.dataDir(),
                "pg1-port=" + source.server.port(),
                "pg1-socket-path=" + source.socketDir(),
                "pg1-user=" + source.server.user()));
        Shell.run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
        PgBackRest backrest = new PgBackRest(config, repo);
        backrest.run("stanza-create");
        return backrest;
    }

    /** The archive_command that pushes each completed WAL segment into this repository. */
    String archiveCommand() {
        return "pgbackrest --config=" + config + " --stanza=" + STANZA + " archive-push %p";
    }

    /** A full backup; returns its label. */
    String fullBackup() throws IOException, InterruptedException {
        run("--type=full", "backup");
        return lastBackup().path("label").asText();
    }

    /** Bytes the newest backup takes in the repository (compressed files, without the archived WAL). */
    long lastBackupRepoBytes() throws IOException, InterruptedException {
        return lastBackup().path("info").path("repository").path("size").asLong();
    }

    /** Bytes of archived WAL in the repository. */
    long archiveBytes() throws IOException {
        Path archive = repo.resolve("archive");
        return Files.exists(archive) ? Shell.treeBytes(archive) : 0;
    }

    /** Number of archived WAL files in the repository. */
    long archiveFiles() throws IOException {
        Path archive = repo.resolve("archive");
        return Files.exists(archive) ? Shell.fileCount(archive) : 0;
    }

    /** Restores the newest backup into {@code dataDir} (recovery to the end of the archive at server start). */
    void restore(Path dataDir) throws IOException, InterruptedException {
        run("--pg1-path=" + dataDir, "restore");
    }

    private JsonNode lastBackup() throws IOException, InterruptedException {
        JsonNode info = new ObjectMapper().readTree(run("--output=json", "info"));
        JsonNode backups = info.get(0).path("backup");
        return backups.get(backups.size() - 1);
    }

    String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Shell.asPostgres("pgbackrest", "--config=" + config,
                "--stanza=" + STANZA));
        command.addAll(List.of(args));
        return Shell.run(command);
    }
}
