package io.lifeboat.agent.redis.engine;

import java.io.OutputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.redis.config.RedisTargets;
import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;

/**
 * The redis-agent's engine adapter: a FULL (or SNAPSHOT) backup of a target is one RDB snapshot, fetched as a
 * replica or by BGSAVE; other backup types are refused with a reason.
 */
@ApplicationScoped
public class RedisBackupEngine implements BackupEngine {

    @Inject
    RedisTargets targets;

    /** An engine outside CDI (benchmarks, tools) on explicitly given targets. */
    public static RedisBackupEngine of(RedisTargets targets) {
        RedisBackupEngine engine = new RedisBackupEngine();
        engine.targets = targets;
        return engine;
    }

    @Override
    public Engine engine() {
        return Engine.REDIS;
    }

    @Override
    public Map<String, Object> backup(RunBackup command, OutputStream out) throws Exception {
        if (command.backupType() != BackupType.FULL && command.backupType() != BackupType.SNAPSHOT) {
            throw new UnsupportedOperationException("backup type " + command.backupType() + " of target '"
                    + command.targetId() + "' is not supported by the redis-agent (FULL, SNAPSHOT: an RDB)");
        }
        return new RedisSnapshotter(targets.get(command.targetId())).snapshot(out);
    }
}
