package io.lifeboat.agent.redis.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

import org.jboss.logging.Logger;

import io.lifeboat.agent.redis.rdb.RdbChecksum;
import io.lifeboat.agent.redis.rdb.RdbSummary;
import io.lifeboat.agent.redis.rdb.RdbTap;
import io.lifeboat.agent.redis.replication.RdbSnapshot;
import io.lifeboat.agent.redis.replication.ReplicationRdbReader;

/**
 * Takes one RDB snapshot of a target into an output: reads the source's facts with Redisson, fetches the RDB (as a
 * replica, or by BGSAVE), checks the CRC-64 trailer while the bytes pass, samples the first keys, and returns the
 * manifest metadata. A truncated or corrupt RDB fails here, so the pipeline never stores it as complete.
 */
public final class RedisSnapshotter {

    private static final Logger LOG = Logger.getLogger(RedisSnapshotter.class);
    /** Keys sampled for verification. */
    static final int SAMPLE_KEYS = 64;

    private final RedisTarget target;

    public RedisSnapshotter(RedisTarget target) {
        this.target = target;
    }

    /** Streams one snapshot into {@code out} (not closed) and returns its metadata. */
    public Map<String, Object> snapshot(OutputStream out) throws Exception {
        SourceFacts source;
        RdbScan scan = new RdbScan(out, SAMPLE_KEYS, "rdb-scan-" + target.id());
        RdbTap tap = new RdbTap(scan);
        RdbSnapshot snapshot = null;
        Instant consistentAt;
        try (scan; RedisAdmin admin = RedisAdmin.connect(target)) {
            source = SourceFacts.read(admin);
            if (target.mode() == SnapshotMode.BGSAVE) {
                consistentAt = new BgsaveSnapshot(target, admin).run(tap);
            } else {
                Instant asked = Instant.now();
                snapshot = new ReplicationRdbReader(target.replicationSource()).fetch(tap);
                consistentAt = forkTime(tap.summary(), asked);
            }
            tap.flush();
            RdbSummary rdb = tap.summary();
            check(rdb);
            RdbScan.Result keys = scan.finish();
            if (keys.failure() != null) {
                LOG.warnf("%s: the RDB could not be walked key by key (%s); the manifest records the key counts that "
                        + "RESIZEDB announced before the first key and no key sample", target.describe(),
                        keys.failure());
            }
            LOG.infof("%s: RDB v%d of %d bytes, keys per database %s, CRC-64 %s", target.describe(), rdb.version(),
                    rdb.bytes(), keys.failure() == null ? keys.keysPerDb() : rdb.keysPerDb(), rdb.checksum());
            return SnapshotMetadata.of(target.mode(), snapshot, rdb, keys, source, consistentAt);
        }
    }

    /** Refuses an RDB whose trailer is missing or wrong; one without a checksum is accepted with a warning. */
    private void check(RdbSummary rdb) throws IOException {
        if (rdb.version() < 0) {
            throw new IOException(target.describe() + ": the source sent " + rdb.bytes()
                    + " bytes that do not start with an RDB header (REDISnnnn)");
        }
        if (rdb.checksum() == RdbChecksum.MISSING) {
            throw new IOException(target.describe() + ": the RDB ends after " + rdb.bytes()
                    + " bytes without its EOF opcode and CRC-64 trailer: truncated");
        }
        if (rdb.checksum() == RdbChecksum.MISMATCH) {
            throw new IOException(target.describe() + ": the RDB's CRC-64 trailer " + Long.toHexString(rdb.storedCrc())
                    + " differs from the CRC-64 of its " + (rdb.bytes() - 8) + " bytes, "
                    + Long.toHexString(rdb.computedCrc()) + ": corrupt in transfer or on the source");
        }
        if (rdb.checksum() == RdbChecksum.DISABLED) {
            LOG.warnf("%s runs with 'rdbchecksum no': the RDB carries no CRC-64, so corruption before the upload "
                    + "cannot be detected", target.describe());
        }
    }

    /**
     * The instant the source forked for this RDB: its {@code ctime} AUX field (whole seconds, so at most a second
     * early, which only makes the restorable point conservative), never before the sync was asked for.
     */
    private static Instant forkTime(RdbSummary rdb, Instant asked) {
        String ctime = rdb.aux().get("ctime");
        if (ctime == null) {
            return asked;
        }
        Instant forked = Instant.ofEpochSecond(Long.parseLong(ctime));
        return forked.isBefore(asked.minusSeconds(1)) ? asked : forked;
    }
}
