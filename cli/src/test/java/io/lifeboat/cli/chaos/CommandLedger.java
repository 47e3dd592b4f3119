package io.lifeboat.cli.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backup commands a scenario sent and the facts the agents answered with, read back from
 * {@code lifeboat.backup.events}; counts which commands were lost, duplicated, stuck or completed.
 *
 * <p>
 * A command is lost when no fact names it, stuck when it started but has no outcome, duplicated when more than one
 * backup of it completed or its completion came as two different events (a re-emitted outcome keeps its event id, so
 * readers that deduplicate by id see it once), completed when a backup of it completed. Not thread-safe.
 */
public final class CommandLedger {

    private final Map<String, Command> commands = new LinkedHashMap<>();

    /** Records a valid command the scenario sent. */
    public void sent(String commandId, String target) {
        command(commandId).target = target;
    }

    /** Records a {@code BackupStarted} of a command. */
    public void started(String commandId, String backupId) {
        command(commandId).started.add(backupId);
    }

    /** Records a {@code BackupCompleted} of a command. */
    public void completed(String commandId, String backupId, String eventId) {
        Command command = command(commandId);
        command.completedBackups.add(backupId);
        command.completedEvents.add(eventId);
    }

    /** Records a {@code BackupFailed} of a command, with its reason. */
    public void failed(String commandId, String backupId, String reason) {
        command(commandId).failures.add(backupId + ": " + reason);
    }

    /** The backup ids that completed, per command id. */
    public Map<String, Set<String>> completedBackups() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        commands.values().forEach(c -> out.put(c.id, Set.copyOf(c.completedBackups)));
        return out;
    }

    /**
     * Counts the commands sent so far.
     *
     * @param scenario the scenario's name
     * @return lost, duplicated, stuck and completed commands, with a finding for each fault
     */
    public ChaosTally tally(String scenario) {
        long lost = 0;
        long duplicated = 0;
        long stuck = 0;
        long completed = 0;
        long sent = 0;
        List<String> findings = new ArrayList<>();
        for (Command c : commands.values()) {
            if (c.target == null) {
                findings.add("facts name command " + c.id + ", which was never sent");
                continue;
            }
            sent++;
            if (!c.completedBackups.isEmpty()) {
                completed++;
                if (c.completedBackups.size() > 1 || c.completedEvents.size() > 1) {
                    duplicated++;
                    findings.add("command " + c.id + " of " + c.target + " completed as backups " + c.completedBackups
                            + " in events " + c.completedEvents);
                }
            } else if (!c.failures.isEmpty()) {
                findings.add("command " + c.id + " of " + c.target + " failed: " + String.join("; ", c.failures));
            } else if (!c.started.isEmpty()) {
                stuck++;
                findings.add("command " + c.id + " of " + c.target + " started as " + c.started
                        + " and has no outcome");
            } else {
                lost++;
                findings.add("command " + c.id + " of " + c.target + " has no fact at all");
            }
        }
        return new ChaosTally(scenario, lost, duplicated, stuck, 0, 0, 0, sent, completed, findings);
    }

    private Command command(String commandId) {
        return commands.computeIfAbsent(commandId, Command::new);
    }

    private static final class Command {
        final String id;
        String target;
        final Set<String> started = new LinkedHashSet<>();
        final Set<String> completedBackups = new LinkedHashSet<>();
        final Set<String> completedEvents = new LinkedHashSet<>();
        final List<String> failures = new ArrayList<>();

        Command(String id) {
            this.id = id;
        }
    }
}
