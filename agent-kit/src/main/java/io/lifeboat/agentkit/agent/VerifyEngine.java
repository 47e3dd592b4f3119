package io.lifeboat.agentkit.agent;

import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.VerifyBackup;

/**
 * The deep check of an engine adapter, an optional CDI bean: after the agent skeleton has re-read the artifact and
 * matched every checksum, the engine proves the backup restores (e.g. into a scratch instance) and is sound.
 */
public interface VerifyEngine {

    /**
     * Checks {@code backup} beyond its checksums; returns a one-line summary of what was checked.
     *
     * @throws VerifyFailure when the backup is unusable, naming the step and the reason
     */
    String verify(VerifyBackup command, Manifest backup) throws Exception;

    /** A backup that failed a check: the step ({@code restore}, {@code pg_verifybackup}, ...) and the reason. */
    class VerifyFailure extends Exception {

        private static final long serialVersionUID = 1L;

        private final String step;

        /** A failed check in {@code step}; {@code reason} names the object and the cause. */
        public VerifyFailure(String step, String reason) {
            super(reason);
            this.step = step;
        }

        /** The step that failed. */
        public String step() {
            return step;
        }
    }
}
