package io.lifeboat.agent.redis.restore;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.redisson.api.RFuture;

import io.lifeboat.agent.redis.engine.RedisAccessException;
import io.lifeboat.agent.redis.engine.RedisAdmin;
import io.lifeboat.agent.redis.engine.SnapshotMetadata;
import io.lifeboat.agent.redis.rdb.RdbKey;
import io.lifeboat.agent.redis.rdb.RdbKeyReader;

/**
 * Restores an RDB into a running server key by key: each key's serialized value becomes a {@code RESTORE key
 * expireAt payload ABSTTL} on one connection, up to {@code pipeline} in flight, {@code SELECT} between databases.
 * Keys whose TTL has passed are skipped, as a server loading the RDB would drop them.
 */
final class KeyRestorer {

    private static final Logger LOG = Logger.getLogger(KeyRestorer.class);

    /** What a key-by-key restore did. */
    record Outcome(LiveKeys keys, long restored, long expired, long functionsSkipped, long bytes, long startedMillis) {
    }

    private final RedisAdmin admin;
    private final int pipeline;
    private final String where;

    KeyRestorer(RedisAdmin admin, int pipeline, String where) {
        this.admin = admin;
        this.pipeline = pipeline;
        this.where = where;
    }

    Outcome restore(InputStream rdb, String what) throws IOException, RedisAccessException, InterruptedException {
        long started = System.currentTimeMillis();
        LiveKeys keys = new LiveKeys();
        Deque<Pending> inFlight = new ArrayDeque<>();
        long restored = 0;
        long expired = 0;
        int db = 0;
        admin.select(0);
        RdbKeyReader reader = new RdbKeyReader(rdb);
        for (RdbKey key = reader.next(); key != null; key = reader.next()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("restore cancelled after " + restored + " keys");
            }
            keys.add(key);
            if (key.expireAtMillis() >= 0 && key.expireAtMillis() <= System.currentTimeMillis()) {
                expired++;
                continue;
            }
            if (key.db() != db) {
                drain(inFlight, 0);
                admin.select(key.db());
                db = key.db();
            }
            byte[] payload = key.dumpPayload(reader.version());
            inFlight.add(new Pending(key, admin.restoreAsync(key.key(), key.expireAtMillis(), payload)));
            restored++;
            drain(inFlight, pipeline);
        }
        drain(inFlight, 0);
        RdbFiles.check(reader.checksum(), what);
        if (reader.functions() > 0) {
            LOG.warnf("%s: %d function libraries in the RDB were not restored (FUNCTION RESTORE them from a fresh "
                    + "instance restore)", where, reader.functions());
        }
        admin.select(0);
        return new Outcome(keys, restored, expired, reader.functions(), reader.bytesRead(), started);
    }

    /** Waits until at most {@code keep} commands are in flight; the first failure names its key. */
    private void drain(Deque<Pending> inFlight, int keep) throws RedisAccessException, InterruptedException {
        while (inFlight.size() > keep) {
            Pending oldest = inFlight.poll();
            try {
                oldest.future.toCompletableFuture().get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new RedisAccessException(where + ": RESTORE of " + oldest.key.typeName() + " key '"
                        + SnapshotMetadata.printable(oldest.key.key()) + "' (db" + oldest.key.db() + ") failed: "
                        + cause.getMessage(), cause);
            }
        }
    }

    private record Pending(RdbKey key, RFuture<Void> future) {
    }
}
