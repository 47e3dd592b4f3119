package io.lifeboat.events.backup;

import java.time.Instant;
import java.util.Map;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;

/**
 * An agent finished a {@link RestoreBackup}: the destination holds the target's data as of {@code restoredTo}.
 *
 * @param commandId id of the {@link RestoreBackup} that asked for the restore
 * @param targetId id of the target whose backup was restored
 * @param backupId backup the restore started from
 * @param destination reference to where the data was restored, as given in the command
 * @param restoredTo instant the restored data is consistent to, after any log replay
 * @param restoredToPosition log position replay stopped at, as the engine prints it (LSN {@code 0/3000060}) (optional)
 * @param restoredBytes bytes written to the destination
 * @param restoredCounts what the engine restored, counted by kind ({@code collections}, {@code documents},
 *        {@code oplogEntries}, {@code keys}, {@code files}, ...) (optional)
 * @param startedAt instant the agent started the restore
 * @param completedAt instant the destination was ready
 */
public record RestoreCompleted(String commandId, String targetId, String backupId, String destination,
        Instant restoredTo, String restoredToPosition, long restoredBytes, Map<String, Long> restoredCounts,
        Instant startedAt, Instant completedAt) implements LifeboatMessage {

    /**
     * Validates ids, destination, size and times.
     */
    public RestoreCompleted {
        Require.nonBlank(commandId, "RestoreCompleted.commandId");
        Require.nonBlank(targetId, "RestoreCompleted.targetId");
        Require.nonBlank(backupId, "RestoreCompleted.backupId");
        Require.nonBlank(destination, "RestoreCompleted.destination");
        Require.nonNull(restoredTo, "RestoreCompleted.restoredTo");
        Require.nonNegative(restoredBytes, "RestoreCompleted.restoredBytes");
        Require.nonNull(startedAt, "RestoreCompleted.startedAt");
        Require.nonNull(completedAt, "RestoreCompleted.completedAt");
        restoredCounts = restoredCounts == null ? null : Map.copyOf(restoredCounts);
    }
}
