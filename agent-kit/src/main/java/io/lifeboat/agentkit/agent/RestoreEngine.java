package io.lifeboat.agentkit.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * The restore side of an engine adapter, an optional CDI bean beside {@link BackupEngine}: the agent skeleton picks
 * the backup, runs the restore off the consumer thread and writes {@code RestoreCompleted} or {@code RestoreFailed}.
 */
public interface RestoreEngine {

    /** Backup types that log replay can continue from (PostgreSQL: FULL); the default chooser only picks these. */
    Set<BackupType> replayableTypes();

    /**
     * The backup a restore starts from: the named one when the command names it; otherwise the newest replayable
     * backup consistent at or before {@code pointInTime}, or the newest replayable one for any other recovery point.
     *
     * @param stored every completed backup of the target, oldest first
     */
    default Optional<Manifest> choose(RestoreBackup command, List<Manifest> stored) {
        if (command.backupId() != null && !command.backupId().isBlank()) {
            return stored.stream().filter(m -> m.backupId().equals(command.backupId())).findFirst();
        }
        return stored.stream().filter(m -> replayableTypes().contains(m.type()))
                .filter(m -> command.pointInTime() == null || !consistentAt(m).isAfter(command.pointInTime()))
                .max(Comparator.comparing(RestoreEngine::consistentAt));
    }

    /**
     * Restores {@code backup} (and, when the command asks, replayed log after it) into the command's destination.
     * Runs on a restore thread that is interrupted when the restore is cancelled (time limit, shutdown).
     *
     * @throws RestoreFailure for a failure with a known step and reason
     */
    RestoreResult restore(RestoreBackup command, Manifest backup) throws Exception;

    /** The instant a backup's data is consistent to: {@link BackupEngine#CONSISTENT_AT}, else its completion. */
    static Instant consistentAt(Manifest manifest) {
        Object value = manifest.engineMetadata() == null
                ? null
                : manifest.engineMetadata().get(BackupEngine.CONSISTENT_AT);
        return value == null ? manifest.completedAt() : Instant.parse(value.toString());
    }

    /**
     * What a finished restore reached.
     *
     * @param restoredTo instant the restored data is consistent to
     * @param restoredToPosition log position replay stopped at, or null
     * @param restoredBytes bytes written to the destination
     * @param counts what was restored, counted by kind ({@code documents}, {@code keys}, {@code walFiles}, ...)
     */
    record RestoreResult(Instant restoredTo, String restoredToPosition, long restoredBytes, Map<String, Long> counts) {

        /** Copies the counts. */
        public RestoreResult {
            counts = Map.copyOf(counts);
        }

        /** A result without counts. */
        public RestoreResult(Instant restoredTo, String restoredToPosition, long restoredBytes) {
            this(restoredTo, restoredToPosition, restoredBytes, Map.of());
        }
    }

    /** A restore failure with the step it happened in and whether a new attempt may succeed. */
    class RestoreFailure extends Exception {

        private static final long serialVersionUID = 1L;

        private final String step;
        private final boolean retryable;

        /** A failure in {@code step}; {@code reason} names the object and the cause. */
        public RestoreFailure(String step, String reason, boolean retryable) {
            this(step, reason, retryable, null);
        }

        /** A failure in {@code step} caused by {@code cause}. */
        public RestoreFailure(String step, String reason, boolean retryable, Throwable cause) {
            super(reason, cause);
            this.step = step;
            this.retryable = retryable;
        }

        /** The step that failed: {@code select}, {@code destination}, {@code download}, {@code replay}, ... */
        public String step() {
            return step;
        }

        /** Whether a new attempt of the same command may succeed. */
        public boolean retryable() {
            return retryable;
        }
    }
}
