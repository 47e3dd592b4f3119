package io.lifeboat.scheduler.policy;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;

/**
 * What each engine's agent can do, as far as a policy is concerned: the backup types it takes, whether it archives
 * a log continuously, and whether a standby exists to fail over to.
 */
public final class EngineCapabilities {

    // Mirrors the agents' backup engines: pg-agent (pg_basebackup, pg_dump), redis-agent (an RDB either way),
    // mongo-agent (a logical dump either way), fs-agent (snapshots told apart by which files are read).
    private static final Map<Engine, Set<BackupType>> BACKUP_TYPES = new EnumMap<>(Map.of(
            Engine.POSTGRES, EnumSet.of(BackupType.FULL, BackupType.LOGICAL),
            Engine.REDIS, EnumSet.of(BackupType.FULL, BackupType.SNAPSHOT),
            Engine.MONGODB, EnumSet.of(BackupType.FULL, BackupType.LOGICAL),
            Engine.FILESYSTEM, EnumSet.of(BackupType.FULL, BackupType.INCREMENTAL, BackupType.DIFFERENTIAL,
                    BackupType.SNAPSHOT)));

    // pg-agent archives WAL and mongo-agent the oplog; redis-agent reports progress only per stored snapshot.
    private static final Set<Engine> CONTINUOUS_ARCHIVING = EnumSet.of(Engine.POSTGRES, Engine.MONGODB);

    // Only the PostgreSQL deployments have a streaming standby the DR orchestrator can promote.
    private static final Set<Engine> STANDBY = EnumSet.of(Engine.POSTGRES);

    private EngineCapabilities() {
    }

    /**
     * Returns the backup types the engine's agent takes.
     *
     * @param engine the engine
     * @return the types, in declaration order
     */
    public static Set<BackupType> backupTypes(Engine engine) {
        Objects.requireNonNull(engine, "EngineCapabilities.backupTypes: engine");
        return Collections.unmodifiableSet(BACKUP_TYPES.get(engine));
    }

    /**
     * Tells whether the engine's agent archives a log (WAL, oplog) continuously between backups.
     *
     * @param engine the engine
     * @return true for postgres and mongodb
     */
    public static boolean archivesContinuously(Engine engine) {
        return CONTINUOUS_ARCHIVING.contains(engine);
    }

    /**
     * Tells whether a target of the engine has a standby to fail over to, so AUTOMATIC or MANUAL failover applies.
     *
     * @param engine the engine
     * @return true for postgres
     */
    public static boolean hasStandby(Engine engine) {
        return STANDBY.contains(engine);
    }

    /**
     * Names the engines that archive continuously, for messages.
     *
     * @return e.g. {@code postgres, mongodb}
     */
    static String continuousArchivers() {
        return String.join(", ", CONTINUOUS_ARCHIVING.stream().map(Engine::id).toList());
    }
}
