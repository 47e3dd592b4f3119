package io.lifeboat.dr.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.lifeboat.events.Command;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.dr.ApproveRun;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartFailover;
import io.lifeboat.events.dr.StartRestore;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.TraceContext;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.policy.PolicyDefined;

/**
 * What the orchestrator has heard: the latest health report per (target, monitor), the policies, the catalog's
 * backups, the agents' restore outcomes, and the queued failover, restore, drill and approval commands; the executor
 * waits on it for news.
 */
public final class Inbox {

    private final Map<String, Map<String, TargetHealthReported>> reports = new ConcurrentHashMap<>();
    private final Map<String, Instant> unhealthySince = new ConcurrentHashMap<>();
    private final Map<String, PolicyDefined> policies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Map<String, CatalogEntry> backups = new ConcurrentHashMap<>();
    private final Map<String, LifeboatMessage> restoreOutcomes = new ConcurrentHashMap<>();
    private final Map<String, TraceContext> commandTraces = new ConcurrentHashMap<>();
    private final Map<String, TraceContext> reportTraces = new ConcurrentHashMap<>();
    private final Semaphore news = new Semaphore(0);

    /**
     * Takes in one event with its trace context, kept for the run a DR command or a failing health report starts.
     *
     * @param envelope a health report, a policy, a DR command, a catalog entry or a restore outcome
     */
    public void accept(Envelope<?> envelope) {
        if (envelope.trace() != null) {
            if (envelope.payload() instanceof Command command && isDrCommand(command)) {
                commandTraces.put(command.commandId(), envelope.trace());
            } else if (envelope.payload() instanceof TargetHealthReported report
                    && report.status() != HealthStatus.HEALTHY) {
                reportTraces.put(report.targetId(), envelope.trace());
            }
        }
        accept(envelope.payload());
    }

    /**
     * Takes in one message; messages of other types are ignored.
     *
     * @param message a health report, a policy, or a DR command
     */
    public void accept(LifeboatMessage message) {
        if (message instanceof TargetHealthReported report) {
            report(report);
        } else if (message instanceof PolicyDefined policy) {
            policies.put(policy.targetId(), policy);
        } else if (message instanceof Command command && isDrCommand(command)) {
            commands.add(command);
            news.release();
        } else if (message instanceof CatalogEntry entry) {
            backups.put(entry.backupId(), entry);
        } else if (message instanceof RestoreCompleted completed) {
            restoreOutcomes.put(completed.commandId(), completed);
            news.release();
        } else if (message instanceof RestoreFailed failed) {
            restoreOutcomes.put(failed.commandId(), failed);
            news.release();
        }
    }

    private static boolean isDrCommand(Command command) {
        return command instanceof StartFailover || command instanceof ApproveRun || command instanceof StartDrill
                || command instanceof StartRestore;
    }

    /**
     * Returns the trace context a DR command came with, so that the run it starts, or its refusal, continues it.
     *
     * @param commandId the command's id
     * @return the trace, or empty when it came without one or was forgotten
     */
    public Optional<TraceContext> commandTrace(String commandId) {
        return Optional.ofNullable(commandTraces.get(commandId));
    }

    /**
     * Forgets the trace context of a handled DR command.
     *
     * @param commandId the command's id
     */
    public void forgetCommandTrace(String commandId) {
        commandTraces.remove(commandId);
    }

    /**
     * Returns the trace context of the latest report that a target is not healthy, for the failover it may start.
     *
     * @param targetId the target
     * @return the trace, or empty when no such report carried one
     */
    public Optional<TraceContext> reportTrace(String targetId) {
        return Optional.ofNullable(reportTraces.get(targetId));
    }

    /**
     * Forgets a backup the catalog removed (a tombstone on the catalog topic).
     *
     * @param backupId the backup
     */
    public void backupRemoved(String backupId) {
        backups.remove(backupId);
    }

    /**
     * Returns the catalog's entries of a target's backups.
     *
     * @param targetId the target
     * @return the entries, in no particular order
     */
    public List<CatalogEntry> backups(String targetId) {
        return backups.values().stream().filter(entry -> entry.targetId().equals(targetId)).toList();
    }

    /**
     * Returns the agent's outcome of a restore command.
     *
     * @param commandId id of the RestoreBackup
     * @return the RestoreCompleted or RestoreFailed, or empty while none has arrived
     */
    public Optional<LifeboatMessage> restoreOutcome(String commandId) {
        return Optional.ofNullable(restoreOutcomes.get(commandId));
    }

    /**
     * Forgets a target's policy (a tombstone on the policies topic).
     *
     * @param targetId the target
     */
    public void policyRemoved(String targetId) {
        policies.remove(targetId);
    }

    private void report(TargetHealthReported report) {
        String key = report.targetId() + "\u0000" + report.monitorId();
        Map<String, TargetHealthReported> perMonitor = reports.computeIfAbsent(report.targetId(),
                id -> new ConcurrentHashMap<>());
        TargetHealthReported previous = perMonitor.get(report.monitorId());
        if (previous != null && previous.reportedAt().isAfter(report.reportedAt())) {
            return;
        }
        perMonitor.put(report.monitorId(), report);
        // The start of each monitor's current UNHEALTHY streak, to measure recovery from the first sighting.
        if (report.status() == HealthStatus.UNHEALTHY) {
            unhealthySince.putIfAbsent(key, report.reportedAt());
        } else {
            unhealthySince.remove(key);
        }
        if (report.status() != HealthStatus.HEALTHY) {
            news.release();
        }
    }

    /**
     * Returns the latest report of every monitor about a target.
     *
     * @param targetId the target
     * @return the reports, one per monitor
     */
    public List<TargetHealthReported> latest(String targetId) {
        return List.copyOf(reports.getOrDefault(targetId, Map.of()).values());
    }

    /**
     * Returns when the earliest current UNHEALTHY streak of any monitor of a target began.
     *
     * @param targetId the target
     * @return the first UNHEALTHY report of the streaks still going on, or empty
     */
    public Optional<Instant> unhealthySince(String targetId) {
        String prefix = targetId + "\u0000";
        return unhealthySince.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).min(Instant::compareTo);
    }

    /**
     * Returns a target's policy.
     *
     * @param targetId the target
     * @return the policy, or empty when the target has none
     */
    public Optional<PolicyDefined> policy(String targetId) {
        return Optional.ofNullable(policies.get(targetId));
    }

    /**
     * Takes every queued command, oldest first.
     *
     * @return the commands, removed from the queue
     */
    public List<Command> drainCommands() {
        List<Command> drained = new ArrayList<>();
        for (Command command = commands.poll(); command != null; command = commands.poll()) {
            drained.add(command);
        }
        return drained;
    }

    /**
     * Waits until news arrives or the patience runs out, then forgets the news.
     *
     * @param patience the longest wait
     * @throws InterruptedException when the executor is stopped
     */
    public void awaitNews(Duration patience) throws InterruptedException {
        if (news.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            news.drainPermits();
        }
    }
}
