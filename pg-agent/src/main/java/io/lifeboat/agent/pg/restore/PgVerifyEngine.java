package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.pg.config.PgConfig;
import io.lifeboat.agent.pg.config.PgTargets;
import io.lifeboat.agent.pg.engine.PgTarget;
import io.lifeboat.agent.pg.restore.RestoredServer.ServerStoppedException;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;
import io.lifeboat.agentkit.agent.VerifyEngine;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.VerifyBackup;

/**
 * Proves a PostgreSQL backup restores: a FULL backup is extracted into a scratch directory, checked with
 * {@code pg_verifybackup} against its own {@code backup_manifest} (files and WAL), started as a scratch server that
 * must reach a consistent state, checked with {@code pg_amcheck} where the role may, and its tables counted; a
 * LOGICAL backup's table of contents is read with {@code pg_restore --list} and its tables counted against the
 * count recorded at backup time.
 */
@ApplicationScoped
public class PgVerifyEngine implements VerifyEngine {

    private static final Pattern TABLE_ENTRY = Pattern.compile("^\\d+; \\d+ \\d+ TABLE (?!DATA )\\S+ \\S+.*",
            Pattern.MULTILINE);

    @Inject
    PgTargets targets;

    @Inject
    PgConfig config;

    @Inject
    ArtifactPipeline pipeline;

    @Override
    public String verify(VerifyBackup command, Manifest backup) throws Exception {
        PgTarget target;
        try {
            target = targets.get(command.targetId());
        } catch (IllegalArgumentException e) {
            throw new VerifyFailure("target", e.getMessage());
        }
        return switch (backup.type()) {
            case FULL -> verifyFull(target, backup);
            case LOGICAL -> verifyLogical(target, backup);
            default -> "no engine check for " + backup.type() + " backups";
        };
    }

    private String verifyFull(PgTarget target, Manifest backup) throws Exception {
        if (target.osUser().isEmpty() && OsCommand.isRoot()) {
            throw new VerifyFailure("restore", "the agent runs as root and PostgreSQL refuses to: set "
                    + "lifeboat.pg.targets." + target.id() + ".os-user to verify FULL backups in a scratch server");
        }
        Files.createDirectories(config.restore().scratchDir());
        Path scratch = Files.createTempDirectory(config.restore().scratchDir(), "verify-" + backup.backupId() + "-");
        Path dataDir = scratch.resolve("data");
        DataDirectory.own(scratch, target.osUser());
        RestoredServer server = null;
        try {
            try {
                DataDirectory.prepare(dataDir, false, target.osUser());
                BackupExtractor.extract(pipeline, target, backup, dataDir);
            } catch (RestoreFailure e) {
                throw new VerifyFailure("restore", e.getMessage());
            }
            try {
                new OsCommand(target.osUser(), List.of(target.tool("pg_verifybackup"), "--quiet", dataDir.toString()))
                        .run();
            } catch (IOException e) {
                throw new VerifyFailure("pg_verifybackup", "pg_verifybackup found backup '" + backup.backupId()
                        + "' of target '" + target.id() + "' inconsistent with its backup_manifest: "
                        + e.getMessage());
            }
            int port = RestorePorts.free();
            server = new RestoredServer(target, dataDir, port, scratch.resolve("server.log"));
            server.configure(RecoverySettings.lines(scratchCommand(target, backup), null, port, false), false);
            DataDirectory.own(dataDir.resolve("postgresql.auto.conf"), target.osUser());
            server.start();
            try {
                server.awaitReady();
            } catch (ServerStoppedException e) {
                throw new VerifyFailure("start", "a scratch server on backup '" + backup.backupId() + "' of target '"
                        + target.id() + "' did not reach a consistent state: " + e.getMessage());
            }
            String amcheck = amcheck(target, backup, port);
            String tables = countTables(target, port);
            return "pg_verifybackup passed; scratch server consistent; " + amcheck + "; " + tables;
        } finally {
            if (server != null) {
                server.kill();
            }
            try (var files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static RestoreBackup scratchCommand(PgTarget target, Manifest backup) {
        return new RestoreBackup("verify-" + backup.backupId(), target.id(),
                Engine.POSTGRES, backup.backupId(), null, null, null, null, null, null,
                "scratch", false, "pg-agent", null, 1);
    }

    private static String amcheck(PgTarget target, Manifest backup, int port) throws Exception {
        List<String> args = new ArrayList<>(List.of(target.tool("pg_amcheck"), "--host", "localhost", "--port",
                Integer.toString(port), "--username", target.user(), "--no-password", "--install-missing",
                "--heapallindexed", "--all"));
        try {
            new OsCommand(target.osUser(), args).withPassword(target.password()).run();
            return "pg_amcheck found no corruption";
        } catch (IOException e) {
            String message = e.getMessage();
            if (message.contains("permission denied") || message.contains("must be superuser")
                    || message.contains("must be owner")) {
                return "pg_amcheck skipped (role '" + target.user() + "' may not run amcheck)";
            }
            throw new VerifyFailure("pg_amcheck", "pg_amcheck reports backup '" + backup.backupId()
                    + "' of target '" + target.id() + "' as corrupt: " + message);
        }
    }

    private static String countTables(PgTarget target, int port) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", target.user());
        target.password().ifPresent(password -> properties.setProperty("password", password));
        long tables = 0;
        long rows = 0;
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/" + target.database(), properties);
                Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select format('%I.%I', n.nspname, c.relname) from "
                    + "pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and "
                    + "n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'")) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet result = statement.executeQuery("select count(*) from " + name)) {
                    result.next();
                    rows += result.getLong(1);
                    tables++;
                }
            }
        }
        return "every row of " + tables + " tables in database '" + target.database() + "' read (" + rows
                + " rows)";
    }

    private String verifyLogical(PgTarget target, Manifest backup) throws Exception {
        String list;
        try (InputStream in = pipeline.openForRestore(backup.targetId(), backup.backupId())) {
            list = new OsCommand(Optional.empty(), List.of(target.tool("pg_restore"), "--list")).run(in);
        } catch (IOException e) {
            throw new VerifyFailure("pg_restore", "pg_restore cannot read the archive of backup '"
                    + backup.backupId() + "' of target '" + target.id() + "': " + e.getMessage());
        }
        long tables = TABLE_ENTRY.matcher(list).results().count();
        Object recorded = backup.engineMetadata() == null ? null : backup.engineMetadata().get("tableCount");
        if (recorded != null && Long.parseLong(recorded.toString()) != tables) {
            throw new VerifyFailure("tables", "backup '" + backup.backupId() + "' of target '" + target.id()
                    + "' lists " + tables + " tables but " + recorded + " were counted in its snapshot at backup time");
        }
        return "pg_restore --list read " + tables + " tables" + (recorded == null ? "" : ", as recorded");
    }
}
