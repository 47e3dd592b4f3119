package io.lifeboat.agent.redis.restore;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.redis.config.RedisConfig;
import io.lifeboat.agent.redis.engine.KeySample;
import io.lifeboat.agent.redis.engine.RedisAccessException;
import io.lifeboat.agent.redis.engine.SnapshotMetadata;
import io.lifeboat.agentkit.agent.VerifyEngine;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.VerifyBackup;

/**
 * Proves an RDB snapshot restores: loads it into a scratch redis-server (the source's encoding parameters, a free
 * loopback port), compares the key count per database with the RDB and with what the manifest recorded, and
 * compares the digest of every sampled key's value with the one taken at backup time.
 */
@ApplicationScoped
public class RedisVerifyEngine implements VerifyEngine {

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    RedisConfig config;

    @Override
    public String verify(VerifyBackup command, Manifest backup) throws Exception {
        String what = "backup '" + backup.backupId() + "' of target '" + backup.targetId() + "'";
        Path scratch = config.restore().scratchDir().resolve(backup.backupId());
        delete(scratch);
        Files.createDirectories(scratch);
        try {
            LiveKeys keys;
            try (InputStream in = pipeline.openForRestore(backup.targetId(), backup.backupId())) {
                keys = RdbFiles.write(in, scratch.resolve("dump.rdb"), what);
            } catch (IOException e) {
                throw new VerifyFailure("rdb", "unable to read " + what + ": " + e.getMessage());
            }
            Map<Integer, Long> recorded = SnapshotMetadata.keysPerDb(backup);
            if (!recorded.isEmpty() && !recorded.equals(keys.total())) {
                throw new VerifyFailure("rdb", what + " holds keys " + keys.total() + " per database, its manifest "
                        + "recorded " + recorded);
            }
            long from = System.currentTimeMillis();
            try (RedisProcess server = RedisProcess.start(config.restore().serverBinary(), scratch, "127.0.0.1",
                    freePort(), false, SnapshotMetadata.encodingConfig(backup), config.restore().loadTimeout())) {
                String mismatch = keys.compare(server.admin().keysPerDb(), from, System.currentTimeMillis());
                if (mismatch != null) {
                    throw new VerifyFailure("load", "a scratch redis-server loaded " + what
                            + " with other key counts: " + mismatch);
                }
                Checked checked = checkSample(server, SnapshotMetadata.sample(backup), what);
                long total = keys.total().values().stream().mapToLong(Long::longValue).sum();
                return "a scratch redis-server loaded " + total + " keys in " + keys.total().size()
                        + " databases, counts as recorded; " + checked.matched() + " sampled keys match their digests"
                        + (checked.reencoded() == 0 ? "" : ", " + checked.reencoded() + " re-encoded on load");
            } catch (IOException e) {
                throw new VerifyFailure("load", "a scratch redis-server could not load " + what + ": "
                        + e.getMessage());
            }
        } finally {
            delete(scratch);
        }
    }

    /**
     * Compares each sampled key's DUMP with its recorded digest. Keys expired since the backup are passed over; a
     * value the server re-encoded while loading (a hash table small enough for a listpack) is only checked to exist.
     */
    private static Checked checkSample(RedisProcess server, List<KeySample> sample, String what)
            throws RedisAccessException, VerifyFailure {
        int checked = 0;
        int reencoded = 0;
        for (KeySample key : sample) {
            if (key.expireAtMillis() >= 0 && key.expireAtMillis() <= System.currentTimeMillis() + 1000) {
                continue;
            }
            server.admin().select(key.db());
            byte[] dump = server.admin().dump(key.key());
            if (dump == null) {
                throw new VerifyFailure("digest", key.type() + " key '" + key.printableKey() + "' (db" + key.db()
                        + ") sampled at backup time is missing after loading " + what);
            }
            if ((dump[0] & 0xff) != key.encoding()) {
                reencoded++;
                continue;
            }
            String digest = KeySample.digest(dump);
            if (!digest.equals(key.sha256())) {
                throw new VerifyFailure("digest", key.type() + " key '" + key.printableKey() + "' (db" + key.db()
                        + ") of " + what + " loads with value digest " + digest + ", recorded " + key.sha256());
            }
            checked++;
        }
        server.admin().select(0);
        return new Checked(checked, reencoded);
    }

    private record Checked(int matched, int reencoded) {
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
