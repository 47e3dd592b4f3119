package io.lifeboat.agent.pg.engine;

import java.io.OutputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.pg.config.PgTargets;
import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.RunBackup;

/**
 * The pg-agent's engine adapter: resolves the command's target and streams a FULL backup with pg_basebackup or a
 * LOGICAL backup with pg_dump; other backup types are refused with a reason.
 */
@ApplicationScoped
public class PgBackupEngine implements BackupEngine {

    @Inject
    PgTargets targets;

    /** An engine outside CDI (benchmarks, tools) on explicitly given targets; the agent injects its bean instead. */
    public static PgBackupEngine of(PgTargets targets) {
        PgBackupEngine engine = new PgBackupEngine();
        engine.targets = targets;
        return engine;
    }

    @Override
    public Engine engine() {
        return Engine.POSTGRES;
    }

    @Override
    public Map<String, Object> backup(RunBackup command, OutputStream out) throws Exception {
        PgTarget target = targets.get(command.targetId());
        return switch (command.backupType()) {
            case FULL -> PgBaseBackupEngine.backup(target, BackupIds.backupId(command), out);
            case LOGICAL -> PgDumpEngine.backup(target, out);
            default -> throw new UnsupportedOperationException("backup type " + command.backupType()
                    + " of target '" + command.targetId() + "' is not supported by the pg-agent (FULL, LOGICAL)");
        };
    }
}
