package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.replication.LogSequenceNumber;

import io.lifeboat.agent.pg.config.PgConfig;
import io.lifeboat.agent.pg.config.PgTargets;
import io.lifeboat.agent.pg.engine.PgTarget;
import io.lifeboat.agent.pg.restore.RestoredServer.ServerStoppedException;
import io.lifeboat.agent.pg.wal.WalStore;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.agent.config.AgentConfig;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * Restores a FULL PostgreSQL backup into a new data directory and, when asked, replays archived WAL to the latest
 * point, a time, an LSN, a transaction or a named restore point, then promotes the server and reports the commit
 * time and LSN it reached. See {@code restore/DESIGN.md}.
 */
@ApplicationScoped
public class PgRestoreEngine implements RestoreEngine {

    private static final Logger LOG = Logger.getLogger(PgRestoreEngine.class);
    private static final Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");
    private static final Pattern XID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern SEGMENT_SIZE = Pattern.compile("Bytes per WAL segment:\\s+(\\d+)");

    @Inject
    PgTargets targets;

    @Inject
    PgConfig config;

    @Inject
    AgentConfig agent;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    ObjectStore store;

    @Inject
    MasterKey masterKey;

    @Inject
    ArtifactLayout layout;

    /**
     * An engine outside CDI (benchmarks, tools) on explicitly given collaborators, the same ones the agent injects;
     * the restore itself is unchanged.
     */
    public static PgRestoreEngine of(PgTargets targets, PgConfig config, AgentConfig agent, ArtifactPipeline pipeline,
            ObjectStore store, MasterKey masterKey, ArtifactLayout layout) {
        PgRestoreEngine engine = new PgRestoreEngine();
        engine.targets = targets;
        engine.config = config;
        engine.agent = agent;
        engine.pipeline = pipeline;
        engine.store = store;
        engine.masterKey = masterKey;
        engine.layout = layout;
        return engine;
    }

    @Override
    public Set<BackupType> replayableTypes() {
        return Set.of(BackupType.FULL);
    }

    @Override
    public RestoreResult restore(RestoreBackup command, Manifest backup) throws Exception {
        PgTarget target = target(command);
        RestoreDestination destination = RestoreDestination.parse(command.destination());
        checkRecoveryTarget(command);
        Optional<RestoreResult> earlier = RestoreMarker.read(command, destination.dataDir());
        if (earlier.isPresent()) {
            // Its discard (discard-after) was recorded before the marker: a redelivery neither adds one nor
            // postpones it.
            LOG.infof("restore '%s' into %s already completed; reporting it again", command.commandId(),
                    destination.dataDir());
            return earlier.get();
        }
        if (backup.type() != BackupType.FULL) {
            throw new RestoreFailure("select", "backup '" + backup.backupId() + "' of target '" + command.targetId()
                    + "' is a " + backup.type() + " backup; the pg-agent restores FULL backups into a data "
                    + "directory (a LOGICAL pg_dump file is restored with pg_restore, see the pg-agent design notes)",
                    false);
        }
        if (target.osUser().isEmpty() && OsCommand.isRoot()) {
            throw new RestoreFailure("destination", "the agent runs as root and PostgreSQL refuses to: set "
                    + "lifeboat.pg.targets." + target.id() + ".os-user to the account that runs PostgreSQL", false);
        }
        Path dataDir = destination.dataDir();
        DataDirectory.prepare(dataDir, command.overwrite(), target.osUser());
        // A discard recorded for an earlier restore into this directory was about the content just replaced.
        discards().cancel(dataDir);
        Path spoolDir = ScratchDiscard.spoolDir(dataDir);
        Path logFile = ScratchDiscard.logFile(dataDir);
        int port = destination.port().isPresent() ? destination.port().getAsInt() : RestorePorts.free();
        RestoredServer server = new RestoredServer(target, dataDir, port, logFile);
        WalChain chain = null;
        WalSpool spool = null;
        boolean done = false;
        try {
            long extracted = BackupExtractor.extract(pipeline, target, backup, dataDir);
            long segmentSize = segmentSize(target, dataDir);
            if (command.replaysLog()) {
                chain = plan(command, backup, segmentSize);
                DataDirectory.remove(spoolDir);
                Files.createDirectories(spoolDir);
                DataDirectory.own(spoolDir, target.osUser());
                spool = WalSpool.start(spoolDir, walStore(command.targetId()), chain, segmentSize,
                        config.restore().walPrefetch(), target.osUser());
            }
            // Created here and given to the server's account: pg_ctl writes it as that account, which may not be
            // allowed to create files beside the data directory.
            Files.deleteIfExists(logFile);
            Files.createFile(logFile);
            DataDirectory.own(logFile, target.osUser());
            server.configure(RecoverySettings.lines(command, spool == null ? null : spool.restoreCommand(), port,
                    destination.keepRunning()), spool != null);
            chownCreated(dataDir, target);
            server.start();
            try {
                server.awaitReady();
            } catch (ServerStoppedException e) {
                throw replayFailure(command, chain, spool, e.getMessage());
            }
            if (spool != null && spool.failure() != null) {
                throw new RestoreFailure("download", spool.failure(), true);
            }
            RestoreResult result = reached(command, backup, server, extracted
                    + (spool == null ? 0 : spool.servedBytes()), spool == null ? 0 : spool.servedFiles());
            if (spool != null) {
                server.resetRecoverySettings();
            }
            if (!destination.keepRunning()) {
                server.stop();
            }
            Optional<Instant> discardAt = destination.discardAfter().map(after -> Instant.now().plus(after));
            if (discardAt.isPresent()) {
                // Before the marker: once a redelivery can find the marker, the discard is certain to be recorded.
                discards().record(new ScratchDiscard(dataDir, discardAt.get(), target.osUser(),
                        Path.of(target.tool("pg_ctl")), command.commandId()));
            }
            RestoreMarker.write(command, backup, dataDir, result);
            done = true;
            LOG.infof("restore '%s' of target '%s' from backup '%s' into %s reached %s (%s) on port %d%s",
                    command.commandId(), command.targetId(), backup.backupId(), dataDir, result.restoredTo(),
                    result.restoredToPosition(), port, destination.keepRunning()
                            ? ", server left running" + discardAt.map(at -> " until " + at).orElse("")
                            : "");
            return result;
        } finally {
            if (spool != null) {
                spool.close();
            }
            if (!done) {
                server.kill();
                // Nothing half-restored stays behind to pass for a data directory, and a retry finds it empty;
                // the server log beside it is kept for the diagnosis.
                DataDirectory.empty(dataDir);
                discards().cancel(dataDir);
            }
        }
    }

    private PgTarget target(RestoreBackup command) throws RestoreFailure {
        try {
            return targets.get(command.targetId());
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("select", e.getMessage(), false);
        }
    }

    private static void checkRecoveryTarget(RestoreBackup command) throws RestoreFailure {
        if (command.targetPosition() != null && !LSN.matcher(command.targetPosition()).matches()) {
            throw new RestoreFailure("recovery-target", "targetPosition '" + command.targetPosition()
                    + "' is not a PostgreSQL LSN such as 0/3000060", false);
        }
        if (command.targetTransaction() != null && !XID.matcher(command.targetTransaction()).matches()) {
            throw new RestoreFailure("recovery-target", "targetTransaction '" + command.targetTransaction()
                    + "' is not a PostgreSQL transaction id (digits)", false);
        }
    }

    static long segmentSize(PgTarget target, Path dataDir) throws IOException, InterruptedException {
        String control = new OsCommand(Optional.empty(), List.of(target.tool("pg_controldata"), dataDir.toString()))
                .run();
        Matcher matcher = SEGMENT_SIZE.matcher(control);
        if (!matcher.find()) {
            throw new IOException("pg_controldata of the restored " + dataDir + " shows no WAL segment size");
        }
        return Long.parseLong(matcher.group(1));
    }

    private WalChain plan(RestoreBackup command, Manifest backup, long segmentSize)
            throws IOException, RestoreFailure {
        Map<String, Object> meta = backup.engineMetadata();
        long timeline = Long.parseLong(String.valueOf(meta.get("timeline")));
        long start = LogSequenceNumber.valueOf(String.valueOf(meta.get("startLsn"))).asLong();
        long stop = LogSequenceNumber.valueOf(String.valueOf(meta.get("stopLsn"))).asLong();
        WalChain chain = WalChain.plan(walStore(command.targetId()), timeline, start, stop, segmentSize);
        if (!chain.missing().isEmpty() && Boolean.TRUE.equals(command.recoverToLatest())) {
            throw new RestoreFailure("replay", missingText(command, chain) + "; the latest point cannot be reached "
                    + "(restore to a point before the gap, or take a new base backup)", false);
        }
        LOG.infof("restore '%s': replaying %d archived WAL files on the way to timeline %d%s", command.commandId(),
                chain.sequence().size(), chain.targetTimeline(),
                chain.missing().isEmpty() ? "" : "; " + missingText(command, chain));
        return chain;
    }

    private static String missingText(RestoreBackup command, WalChain chain) {
        List<String> missing = chain.missing();
        return "WAL segment " + missing.get(0) + " of target '" + command.targetId() + "' is missing from the archive"
                + (missing.size() > 1
                        ? " (" + missing.size() + " segments missing, up to " + missing.get(
                                missing.size() - 1) + ")"
                        : "");
    }

    private static RestoreFailure replayFailure(RestoreBackup command, WalChain chain, WalSpool spool,
            String logTail) {
        if (spool != null && spool.failure() != null) {
            return new RestoreFailure("download", spool.failure() + "; server log: " + logTail, true);
        }
        String gap = chain != null && !chain.missing().isEmpty() ? missingText(command, chain) + "; " : "";
        return new RestoreFailure("replay", gap + "the restored server stopped before recovery finished: "
                + logTail, false);
    }

    private RestoreResult reached(RestoreBackup command, Manifest backup, RestoredServer server, long bytes,
            long walFiles) throws Exception {
        Instant consistentAt = RestoreEngine.consistentAt(backup);
        if (!command.replaysLog()) {
            return new RestoreResult(consistentAt, String.valueOf(backup.engineMetadata().get("stopLsn")), bytes);
        }
        Instant time = server.lastReplayedCommit().filter(t -> t.isAfter(consistentAt)).orElse(consistentAt);
        String position = server.recoveryEnd().orElse(String.valueOf(backup.engineMetadata().get("stopLsn")));
        return new RestoreResult(time, position, bytes, Map.of("walFiles", walFiles));
    }

    private WalStore walStore(String targetId) {
        return new WalStore(store, layout, masterKey, targetId, WriteOptions.of(agent.storageClass()));
    }

    private static void chownCreated(Path dataDir, PgTarget target) throws IOException {
        for (String name : List.of("postgresql.conf", "pg_hba.conf", "postgresql.auto.conf", "recovery.signal")) {
            Path file = dataDir.resolve(name);
            if (Files.exists(file)) {
                DataDirectory.own(file, target.osUser());
            }
        }
    }

    private ScratchDiscards discards() {
        return new ScratchDiscards(config.restore().scratchDir());
    }
}
