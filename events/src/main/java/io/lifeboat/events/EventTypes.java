package io.lifeboat.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
 * The registry of every message type: the one place that maps a record class to its type name, version and topics.
 */
public final class EventTypes {

    private static final List<Topic> ENGINE_COMMAND_TOPICS = List.of(Topics.COMMANDS_POSTGRES, Topics.COMMANDS_REDIS,
            Topics.COMMANDS_MONGODB, Topics.COMMANDS_FILESYSTEM);

    private static final List<EventType<?>> ALL = List.of(
            command(RunBackup.class, "io.lifeboat.backup.run"),
            command(RestoreBackup.class, "io.lifeboat.backup.restore"),
            command(VerifyBackup.class, "io.lifeboat.backup.verify"),
            command(ExpireBackups.class, "io.lifeboat.backup.expire"),
            v1(BackupStarted.class, "io.lifeboat.backup.started", Topics.BACKUP_EVENTS),
            v1(BackupProgressed.class, "io.lifeboat.backup.progressed", Topics.BACKUP_EVENTS),
            v1(BackupCompleted.class, "io.lifeboat.backup.completed", Topics.BACKUP_EVENTS),
            v1(BackupFailed.class, "io.lifeboat.backup.failed", Topics.BACKUP_EVENTS),
            v1(RestoreCompleted.class, "io.lifeboat.backup.restore-completed", Topics.BACKUP_EVENTS),
            v1(RestoreFailed.class, "io.lifeboat.backup.restore-failed", Topics.BACKUP_EVENTS),
            v1(BackupVerified.class, "io.lifeboat.backup.verified", Topics.BACKUP_EVENTS),
            v1(VerificationFailed.class, "io.lifeboat.backup.verification-failed", Topics.BACKUP_EVENTS),
            v1(BackupsExpired.class, "io.lifeboat.backup.expired", Topics.BACKUP_EVENTS),
            v1(ExpireFailed.class, "io.lifeboat.backup.expire-failed", Topics.BACKUP_EVENTS),
            v1(ArchiveProgressed.class, "io.lifeboat.archive.progressed", Topics.ARCHIVE_EVENTS),
            v1(ArchiveFailed.class, "io.lifeboat.archive.failed", Topics.ARCHIVE_EVENTS),
            v1(CatalogEntry.class, "io.lifeboat.catalog.entry", Topics.CATALOG),
            v1(RpoLagMeasured.class, "io.lifeboat.rpo.lag-measured", Topics.RPO),
            v1(RpoBreached.class, "io.lifeboat.rpo.breached", Topics.RPO_EVENTS),
            v1(RpoRestored.class, "io.lifeboat.rpo.restored", Topics.RPO_EVENTS),
            v1(TargetBecameUnhealthy.class, "io.lifeboat.health.target-became-unhealthy", Topics.HEALTH),
            v1(TargetRecovered.class, "io.lifeboat.health.target-recovered", Topics.HEALTH),
            v1(TargetHealthReported.class, "io.lifeboat.health.target-health-reported", Topics.HEALTH),
            v1(TargetWarningRaised.class, "io.lifeboat.health.target-warning-raised", Topics.HEALTH),
            v1(TargetWarningCleared.class, "io.lifeboat.health.target-warning-cleared", Topics.HEALTH),
            v1(StartFailover.class, "io.lifeboat.dr.start-failover", Topics.DR_COMMANDS),
            v1(StartDrill.class, "io.lifeboat.dr.start-drill", Topics.DR_COMMANDS),
            v1(StartRestore.class, "io.lifeboat.dr.start-restore", Topics.DR_COMMANDS),
            v1(FailoverStepCompleted.class, "io.lifeboat.dr.failover-step-completed", Topics.DR_EVENTS),
            v1(FailoverCompleted.class, "io.lifeboat.dr.failover-completed", Topics.DR_EVENTS),
            v1(FailoverFailed.class, "io.lifeboat.dr.failover-failed", Topics.DR_EVENTS),
            v1(DrillCompleted.class, "io.lifeboat.dr.drill-completed", Topics.DR_EVENTS),
            v1(ApprovalRequested.class, "io.lifeboat.dr.approval-requested", Topics.DR_EVENTS),
            v1(ApproveRun.class, "io.lifeboat.dr.approve-run", Topics.DR_COMMANDS),
            v1(DrCommandRefused.class, "io.lifeboat.dr.command-refused", Topics.DR_EVENTS),
            v1(DrRunUpdated.class, "io.lifeboat.dr.run-updated", Topics.DR_RUNS),
            v1(PolicyDefined.class, "io.lifeboat.policy.defined", Topics.POLICIES),
            v1(DefinePolicy.class, "io.lifeboat.policy.define", Topics.POLICY_COMMANDS),
            v1(RemovePolicy.class, "io.lifeboat.policy.remove", Topics.POLICY_COMMANDS),
            v1(RunSkipped.class, "io.lifeboat.schedule.run-skipped", Topics.SCHEDULE_EVENTS));

    private static final Map<String, EventType<?>> BY_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<Class<?>, EventType<?>> BY_CLASS = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::messageClass, Function.identity()));

    private EventTypes() {
    }

    /**
     * Returns every registered type.
     *
     * @return all types, commands first
     */
    public static List<EventType<?>> all() {
        return ALL;
    }

    /**
     * Looks a type up by its CloudEvents {@code type} attribute.
     *
     * @param type the versioned type name, e.g. {@code io.lifeboat.backup.completed.v1}
     * @return the type, or empty when it is not registered
     */
    public static Optional<EventType<?>> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /**
     * Returns the registered type of a message class.
     *
     * @param messageClass the record class
     * @param <T> the message type
     * @return the type
     * @throws IllegalArgumentException when the class is not registered
     */
    @SuppressWarnings("unchecked")
    public static <T extends LifeboatMessage> EventType<T> of(Class<T> messageClass) {
        EventType<?> type = BY_CLASS.get(messageClass);
        if (type == null) {
            throw new IllegalArgumentException(
                    "message class " + messageClass.getName() + " is not registered in EventTypes");
        }
        return (EventType<T>) type;
    }

    private static <T extends LifeboatMessage> EventType<T> v1(Class<T> messageClass, String name, Topic topic) {
        return new EventType<>(messageClass, name, 1, List.of(topic));
    }

    private static <T extends EngineCommand> EventType<T> command(Class<T> messageClass, String name) {
        return new EventType<>(messageClass, name, 1, ENGINE_COMMAND_TOPICS);
    }
}
