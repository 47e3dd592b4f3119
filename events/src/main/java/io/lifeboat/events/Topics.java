package io.lifeboat.events;

import java.util.List;
import java.util.Optional;

import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupProgressed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.BackupsExpired;
import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.backup.ExpireFailed;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.dr.ApprovalRequested;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.DrCommandRefused;
import io.lifeboat.events.dr.DrRunUpdated;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.dr.FailoverFailed;
import io.lifeboat.events.dr.FailoverStepCompleted;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartFailover;
import io.lifeboat.events.dr.StartRestore;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.health.TargetRecovered;
import io.lifeboat.events.health.TargetWarningCleared;
import io.lifeboat.events.health.TargetWarningRaised;
import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.RemovePolicy;
import io.lifeboat.events.rpo.RpoBreached;
import io.lifeboat.events.rpo.RpoLagMeasured;
import io.lifeboat.events.rpo.RpoRestored;
import io.lifeboat.events.schedule.RunSkipped;

/**
 * The catalogue of every Lifeboat topic; services name topics through these constants or their own channel config.
 */
public final class Topics {

    private static final List<Class<? extends LifeboatMessage>> ENGINE_COMMANDS = List.of(RunBackup.class,
            RestoreBackup.class, VerifyBackup.class, ExpireBackups.class);
    private static final List<String> COMMAND_WRITERS = List.of("scheduler-service", "catalog-service",
            "dr-orchestrator", "external");
    private static final List<String> AGENTS = List.of("pg-agent", "redis-agent", "mongo-agent", "fs-agent");

    public static final Topic COMMANDS_POSTGRES = commands(Engine.POSTGRES);
    public static final Topic COMMANDS_REDIS = commands(Engine.REDIS);
    public static final Topic COMMANDS_MONGODB = commands(Engine.MONGODB);
    public static final Topic COMMANDS_FILESYSTEM = commands(Engine.FILESYSTEM);
    public static final Topic BACKUP_EVENTS = new Topic("lifeboat.backup.events", TopicKey.TARGET_ID,
            List.of(BackupStarted.class, BackupProgressed.class, BackupCompleted.class, BackupFailed.class,
                    RestoreCompleted.class, RestoreFailed.class, BackupVerified.class, VerificationFailed.class,
                    BackupsExpired.class, ExpireFailed.class),
            AGENTS, false,
            "Outcomes of backup, restore, verify and expire commands, written by the agent of the target.");
    public static final Topic ARCHIVE_EVENTS = new Topic("lifeboat.archive.events", TopicKey.TARGET_ID,
            List.of(ArchiveProgressed.class, ArchiveFailed.class), List.of("pg-agent", "redis-agent", "mongo-agent"),
            false,
            "Tip of continuous WAL or oplog archiving per target (the catalog's newest restorable point), and why "
                    + "it stopped; for Redis, the newest stored snapshot.");
    public static final Topic CATALOG = new Topic("lifeboat.catalog", TopicKey.BACKUP_ID,
            List.of(CatalogEntry.class), List.of("catalog-service"), true,
            "Current state of every backup, one entry per backup id; a tombstone removes an expired entry.");
    public static final Topic RPO = new Topic("lifeboat.rpo", TopicKey.TARGET_ID, List.of(RpoLagMeasured.class),
            List.of("catalog-service"), true, "Latest RPO lag per target, measured on wall-clock time.");
    public static final Topic RPO_EVENTS = new Topic("lifeboat.rpo.events", TopicKey.TARGET_ID,
            List.of(RpoBreached.class, RpoRestored.class), List.of("catalog-service"), false,
            "Edges of RPO compliance: a target's lag passed its RPO, or came back within it.");
    public static final Topic HEALTH = new Topic("lifeboat.health", TopicKey.TARGET_ID,
            List.of(TargetBecameUnhealthy.class, TargetRecovered.class, TargetHealthReported.class,
                    TargetWarningRaised.class, TargetWarningCleared.class),
            List.of("health-monitor"), false,
            "Target outages and recoveries, decided with hysteresis over consecutive probes; each monitor's "
                    + "periodic report per target (its heartbeat); disk and memory warnings.");
    public static final Topic DR_COMMANDS = new Topic("lifeboat.dr.commands", TopicKey.TARGET_ID,
            List.of(StartFailover.class, StartDrill.class, StartRestore.class, ApproveRun.class),
            List.of("scheduler-service", "external"), false,
            "Failover, restore and drill requests and approvals for the DR orchestrator, from the scheduler, "
                    + "operators or other systems.");
    public static final Topic DR_EVENTS = new Topic("lifeboat.dr.events", TopicKey.TARGET_ID,
            List.of(FailoverStepCompleted.class, FailoverCompleted.class, FailoverFailed.class,
                    DrillCompleted.class, ApprovalRequested.class, DrCommandRefused.class),
            List.of("dr-orchestrator"), false,
            "Progress and outcome of failovers and drills; triggers outside Lifeboat (DNS, load balancers) read it.");
    public static final Topic DR_RUNS = new Topic("lifeboat.dr.runs", TopicKey.TARGET_ID,
            List.of(DrRunUpdated.class), List.of("dr-orchestrator"), true,
            "State of each target's latest DR run, written before every step; a restarted orchestrator resumes "
                    + "from it.");
    public static final Topic POLICIES = new Topic("lifeboat.policies", TopicKey.TARGET_ID,
            List.of(PolicyDefined.class), List.of("scheduler-service"), true,
            "Protection policy in force per target; a tombstone removes the target from protection.");
    public static final Topic POLICY_COMMANDS = new Topic("lifeboat.policy.commands", TopicKey.TARGET_ID,
            List.of(DefinePolicy.class, RemovePolicy.class), List.of("scheduler-service", "external"), false,
            "Requests to define or remove a target's policy, from the scheduler's REST API and YAML file or any "
                    + "other system; the scheduler validates them and writes lifeboat.policies.");
    public static final Topic SCHEDULE_EVENTS = new Topic("lifeboat.schedule.events", TopicKey.TARGET_ID,
            List.of(RunSkipped.class), List.of("scheduler-service"), false,
            "Scheduled runs the scheduler did not issue, with the reason (a backup still running, nothing to "
                    + "verify, a skipped misfire).");
    public static final Topic DEADLETTER = new Topic("lifeboat.deadletter", TopicKey.ORIGINAL_KEY, List.of(),
            List.of("any consumer"), false,
            "Records no consumer could decode, unchanged, with lifeboat.dlq.* headers naming the cause and origin.");

    private static final List<Topic> ALL = List.of(COMMANDS_POSTGRES, COMMANDS_REDIS, COMMANDS_MONGODB,
            COMMANDS_FILESYSTEM, BACKUP_EVENTS, ARCHIVE_EVENTS, CATALOG, RPO, RPO_EVENTS, HEALTH, DR_COMMANDS,
            DR_EVENTS, DR_RUNS, POLICIES, POLICY_COMMANDS, SCHEDULE_EVENTS, DEADLETTER);

    private Topics() {
    }

    /**
     * Returns every topic of the contract.
     *
     * @return all topics, command topics first
     */
    public static List<Topic> all() {
        return ALL;
    }

    /**
     * Returns the command topic read by the agent of {@code engine}, {@code lifeboat.commands.<engine>}.
     *
     * @param engine the engine of the target
     * @return the engine's command topic
     */
    public static Topic commandsFor(Engine engine) {
        return switch (engine) {
            case POSTGRES -> COMMANDS_POSTGRES;
            case REDIS -> COMMANDS_REDIS;
            case MONGODB -> COMMANDS_MONGODB;
            case FILESYSTEM -> COMMANDS_FILESYSTEM;
        };
    }

    /**
     * Finds a topic by name.
     *
     * @param name the topic name
     * @return the topic, or empty when the name is not part of the contract
     */
    public static Optional<Topic> byName(String name) {
        return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static Topic commands(Engine engine) {
        return new Topic("lifeboat.commands." + engine.id(), TopicKey.TARGET_ID, ENGINE_COMMANDS, COMMAND_WRITERS,
                false, "Backup, restore, verify and expire commands for the " + engine.id()
                        + " agent; external producers may write them too.");
    }
}
