package io.lifeboat.cli.chaos.agents;

/** When, during one backup, the scenario kills the agent that runs it. */
enum KillMoment {
    /** As soon as the agent's {@code BackupStarted} is read: the engine has barely begun. */
    AFTER_START,
    /** At the first {@code BackupProgressed} with bytes in the store: parts are being uploaded. */
    MID_STREAM,
    /** At four fifths of the engine's measured backup time: the last parts, or the manifest, are being written. */
    NEAR_END,
    /** As soon as the backup's manifest is in the store: between the manifest and the outcome, when the race allows. */
    MANIFEST_STORED,
    /** As soon as {@code BackupCompleted} is read: before the command's offset is committed. */
    AFTER_OUTCOME
}
