package io.lifeboat.agent.redis.restore;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agent.redis.config.RedisConfig;
import io.lifeboat.agent.redis.config.RedisTargets;
import io.lifeboat.agent.redis.engine.RedisAccessException;
import io.lifeboat.agent.redis.engine.RedisAdmin;
import io.lifeboat.agent.redis.engine.SnapshotMetadata;
import io.lifeboat.agent.redis.rdb.RdbFormatException;
import io.lifeboat.agentkit.agent.RestoreEngine;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * Restores an RDB snapshot into a fresh instance's directory (and starts redis-server on it) or into a running,
 * empty server key by key; a non-empty destination is refused unless the command allows overwriting. Redis keeps
 * no log here, so a restore reaches a snapshot: the named one, or the newest at or before the point in time.
 */
@ApplicationScoped
public class RedisRestoreEngine implements RestoreEngine {

    private static final Logger LOG = Logger.getLogger(RedisRestoreEngine.class);

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    RedisTargets targets;

    @Inject
    RedisConfig config;

    @Override
    public Set<BackupType> replayableTypes() {
        return EnumSet.of(BackupType.FULL, BackupType.SNAPSHOT);
    }

    @Override
    public RestoreResult restore(RestoreBackup command, Manifest backup) throws Exception {
        if (command.targetPosition() != null || command.targetTransaction() != null || command.targetName() != null) {
            throw new RestoreFailure("recovery-target", "target '" + command.targetId() + "' is Redis, which has no "
                    + "archived log to replay: a restore reaches a snapshot (name a backupId, a pointInTime for the "
                    + "newest snapshot at or before it, or recoverToLatest)", false);
        }
        RedisDestination destination;
        try {
            destination = RedisDestination.parse(command.destination());
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        }
        String what = "backup '" + backup.backupId() + "' of target '" + backup.targetId() + "'";
        long bytes;
        if (destination instanceof RedisDestination.DataDir dir) {
            bytes = intoDirectory(command, backup, dir, what);
        } else if (destination instanceof RedisDestination.Target target) {
            bytes = intoServer(command, backup, connect(target), what);
        } else {
            bytes = intoServer(command, backup, connect((RedisDestination.Address) destination), what);
        }
        return new RestoreResult(RestoreEngine.consistentAt(backup), SnapshotMetadata.replicationOffset(backup),
                bytes);
    }

    private long intoDirectory(RestoreBackup command, Manifest backup, RedisDestination.DataDir destination,
            String what) throws Exception {
        Path dir = destination.dir();
        Path rdb = dir.resolve("dump.rdb");
        Path aof = dir.resolve("appendonlydir");
        if ((Files.exists(rdb) || Files.exists(aof)) && !command.overwrite()) {
            throw new RestoreFailure("destination", "directory " + dir + " already holds " + (Files.exists(rdb)
                    ? "dump.rdb"
                    : "appendonlydir") + "; set overwrite to replace it", false);
        }
        if (destination.starts() && listening(destination.port())) {
            throw new RestoreFailure("destination", "port " + destination.port() + " is already in use; a fresh "
                    + "instance for " + what + " needs a free port", false);
        }
        Files.createDirectories(dir);
        if (Files.exists(aof)) {
            // Redis prefers an AOF to the RDB when appendonly is on: keep the old one aside, not in the way.
            Path aside = dir.resolve("appendonlydir.replaced-" + System.currentTimeMillis());
            Files.move(aof, aside);
            LOG.infof("restore of %s: moved the existing %s to %s", what, aof, aside);
        }
        LiveKeys keys;
        try (InputStream in = pipeline.openForRestore(backup.targetId(), backup.backupId())) {
            keys = RdbFiles.write(in, rdb, what);
        } catch (IOException e) {
            throw failure(e, what);
        }
        long bytes = Files.size(rdb);
        if (!destination.starts()) {
            LOG.infof("restored %s into %s (%d bytes); start redis-server with dir %s to serve it", what, rdb, bytes,
                    dir);
            return bytes;
        }
        long loadFrom = System.currentTimeMillis();
        try (RedisProcess server = RedisProcess.start(config.restore().serverBinary(), dir, destination.bind(),
                destination.port(), true, SnapshotMetadata.encodingConfig(backup), config.restore().loadTimeout())) {
            String servedDir = server.admin().config("dir").get("dir");
            if (servedDir == null || !Path.of(servedDir).equals(dir.toRealPath())) {
                throw new RestoreFailure("load", "the server answering on port " + destination.port()
                        + " serves directory " + servedDir + ", not " + dir, false);
            }
            String mismatch = keys.compare(server.admin().keysPerDb(), loadFrom, System.currentTimeMillis());
            if (mismatch != null) {
                throw new RestoreFailure("load", "redis-server on port " + destination.port() + " loaded " + what
                        + " with other key counts: " + mismatch, false);
            }
        }
        LOG.infof("restored %s into %s and started redis-server on %s:%d", what, dir, destination.bind(),
                destination.port());
        return bytes;
    }

    private long intoServer(RestoreBackup command, Manifest backup, Connected server, String what)
            throws Exception {
        try (RedisAdmin admin = server.admin) {
            Map<Integer, Long> present = admin.keysPerDb();
            if (!present.isEmpty() && !command.overwrite()) {
                throw new RestoreFailure("destination", server.name + " is not empty (" + describe(present)
                        + "); set overwrite to replace its data", false);
            }
            if (!present.isEmpty()) {
                LOG.infof("restore of %s: FLUSHALL on %s (%s), as overwrite allows", what, server.name,
                        describe(present));
                admin.flushAll();
            }
            KeyRestorer.Outcome outcome;
            try (InputStream in = pipeline.openForRestore(backup.targetId(), backup.backupId())) {
                outcome = new KeyRestorer(admin, config.restore().pipeline(), server.name).restore(in, what);
            } catch (IOException e) {
                throw failure(e, what);
            }
            String mismatch = outcome.keys().compare(admin.keysPerDb(), outcome.startedMillis(),
                    System.currentTimeMillis());
            if (mismatch != null) {
                throw new RestoreFailure("load", server.name + " holds other key counts after the restore of "
                        + what + " (written by someone else meanwhile?): " + mismatch, false);
            }
            LOG.infof("restored %s into %s: %d keys, %d expired before they could be restored", what, server.name,
                    outcome.restored(), outcome.expired());
            return outcome.bytes();
        } catch (RedisAccessException e) {
            throw new RestoreFailure("load", e.getMessage(), true, e);
        }
    }

    private Connected connect(RedisDestination.Target target) throws RestoreFailure {
        try {
            var resolved = targets.get(target.targetId());
            return new Connected(RedisAdmin.connect(resolved), resolved.describe());
        } catch (IllegalArgumentException e) {
            throw new RestoreFailure("destination", e.getMessage(), false);
        } catch (RedisAccessException e) {
            throw new RestoreFailure("destination", e.getMessage(), true, e);
        }
    }

    private Connected connect(RedisDestination.Address address) throws RestoreFailure {
        String name = "redis " + address.host() + ":" + address.port();
        try {
            return new Connected(RedisAdmin.connect(address.host(), address.port(), null, null,
                    java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60), name), name);
        } catch (RedisAccessException e) {
            throw new RestoreFailure("destination", e.getMessage(), true, e);
        }
    }

    /** A read failure: a corrupt artifact or RDB cannot succeed on a retry, a store outage may. */
    private static RestoreFailure failure(IOException e, String what) {
        boolean corrupt = e instanceof io.lifeboat.agentkit.pipeline.CorruptArtifactException
                || e instanceof RdbFormatException || e.getMessage() != null && e.getMessage().contains("CRC-64");
        return new RestoreFailure("download", "unable to read " + what + ": " + e.getMessage(), !corrupt, e);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(Map<Integer, Long> keys) {
        return keys.entrySet().stream().map(e -> "db" + e.getKey() + ": " + e.getValue() + " keys")
                .collect(Collectors.joining(", "));
    }

    private record Connected(RedisAdmin admin, String name) {
    }
}
