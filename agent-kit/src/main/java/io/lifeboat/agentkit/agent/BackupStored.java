package io.lifeboat.agentkit.agent;

import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.RunBackup;

/**
 * CDI event fired after a backup's manifest is stored and its {@code BackupCompleted} fact is written (not when an
 * already stored backup is announced again), so that an engine can report what follows from it.
 *
 * @param command the command the backup ran for
 * @param manifest the stored backup's manifest
 */
public record BackupStored(RunBackup command, Manifest manifest) {
}
