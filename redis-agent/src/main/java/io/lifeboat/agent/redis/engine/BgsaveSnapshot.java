package io.lifeboat.agent.redis.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jboss.logging.Logger;

/**
 * The fallback for servers that do not allow replication connections: {@code BGSAVE}, wait until {@code INFO
 * persistence} shows that this save finished well, then read the file. The agent must run beside Redis.
 *
 * <p>
 * A save counts as ours when {@code rdb_saves} grew past its value before BGSAVE and nothing is in progress
 * ({@code LASTSAVE} has a resolution of one second, too coarse to tell two saves apart). The file is opened once
 * the save is done; Redis writes a temporary file and renames it over the old one, so a later save cannot change
 * the bytes of the open file.
 */
final class BgsaveSnapshot {

    private static final Logger LOG = Logger.getLogger(BgsaveSnapshot.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final RedisTarget target;
    private final RedisAdmin admin;

    BgsaveSnapshot(RedisTarget target, RedisAdmin admin) {
        this.target = target;
        this.admin = admin;
    }

    /**
     * Runs the save and copies the file to {@code out}.
     *
     * @return the instant the save was started (the fork, so the data's consistent point)
     */
    Instant run(OutputStream out) throws IOException, RedisAccessException, InterruptedException {
        Path file = file();
        Instant deadline = Instant.now().plus(target.bgsaveTimeout());
        Map<String, String> before = awaitIdle(deadline);
        long saves = RedisInfo.number(before, "rdb_saves");
        Instant forkedAt = Instant.now();
        admin.bgsave();
        Map<String, String> after = awaitSave(saves, deadline);
        if (!"ok".equals(after.get("rdb_last_bgsave_status"))) {
            throw new RedisAccessException(target.describe() + ": BGSAVE failed (rdb_last_bgsave_status:"
                    + after.get("rdb_last_bgsave_status") + "); see the server's log");
        }
        try (InputStream in = Files.newInputStream(file)) {
            in.transferTo(out);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, target.describe()
                    + ": BGSAVE finished but its file is not here; the agent must run beside the server (or set"
                    + " lifeboat.redis.targets." + target.id() + ".rdb-file)");
        }
        return forkedAt;
    }

    /** The RDB file: configured, else the server's {@code dir}/{@code dbfilename}. */
    private Path file() throws RedisAccessException {
        if (target.rdbFile().isPresent()) {
            return target.rdbFile().get();
        }
        Map<String, String> dir = admin.config("dir");
        Map<String, String> name = admin.config("dbfilename");
        if (!dir.containsKey("dir") || !name.containsKey("dbfilename")) {
            throw new RedisAccessException(target.describe() + ": CONFIG GET dir/dbfilename returned nothing (renamed"
                    + " or forbidden CONFIG); set lifeboat.redis.targets." + target.id() + ".rdb-file");
        }
        return Path.of(dir.get("dir")).resolve(name.get("dbfilename"));
    }

    /** Waits until no save (or AOF rewrite, which also forks) is running, so that BGSAVE is not refused. */
    private Map<String, String> awaitIdle(Instant deadline) throws RedisAccessException, InterruptedException {
        while (true) {
            Map<String, String> info = admin.info("persistence");
            if (!"1".equals(info.get("rdb_bgsave_in_progress")) && !"1".equals(info.get("aof_rewrite_in_progress"))) {
                return info;
            }
            LOG.debugf("%s: a save is already running; waiting for it before BGSAVE", target.describe());
            pause(deadline, "an earlier save to finish");
        }
    }

    private Map<String, String> awaitSave(long savesBefore, Instant deadline)
            throws RedisAccessException, InterruptedException {
        while (true) {
            Map<String, String> info = admin.info("persistence");
            if (!"1".equals(info.get("rdb_bgsave_in_progress")) && RedisInfo.number(info, "rdb_saves") > savesBefore) {
                return info;
            }
            pause(deadline, "BGSAVE to finish");
        }
    }

    private void pause(Instant deadline, String what) throws RedisAccessException, InterruptedException {
        if (Instant.now().isAfter(deadline)) {
            throw new RedisAccessException(target.describe() + ": gave up waiting for " + what + " after "
                    + target.bgsaveTimeout() + " (lifeboat.redis.targets." + target.id() + ".bgsave-timeout)");
        }
        Thread.sleep(POLL.toMillis());
    }
}
