package io.lifeboat.agentkit.agent.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.backup.RestoreBackup;
import io.lifeboat.events.backup.RunBackup;
import io.lifeboat.events.backup.VerifyBackup;

/**
 * Derives a backup id and the ids of its outcome facts from the {@link RunBackup} alone, so that a redelivered
 * command names the same backup and re-emits recognisably the same CloudEvents.
 */
public final class BackupIds {

    private static final int HEX_CHARS = 24;

    private BackupIds() {
    }

    /**
     * {@code bk-} and 96 bits of SHA-256 over engine, target, command id and attempt: the same on every redelivery,
     * different for a new attempt (a retry after a failure is a new backup), and a valid object-key segment.
     */
    public static String backupId(RunBackup command) {
        String identity = String.join("\u0000", "lifeboat-backup", command.engine().id(), command.targetId(),
                command.commandId(), Integer.toString(command.attempt()));
        return "bk-" + HexFormat.of().formatHex(sha256(identity)).substring(0, HEX_CHARS);
    }

    /**
     * {@code rs-} and 96 bits of SHA-256 over engine, target, command id and attempt: names one restore attempt, the
     * same on every redelivery; its outcome facts are {@code <id>.completed} and {@code <id>.failed}.
     */
    public static String restoreId(RestoreBackup command) {
        String identity = String.join("\u0000", "lifeboat-restore", command.engine().id(), command.targetId(),
                command.commandId(), Integer.toString(command.attempt()));
        return "rs-" + HexFormat.of().formatHex(sha256(identity)).substring(0, HEX_CHARS);
    }

    /** {@code vf-} and 96 bits of SHA-256 over engine, target, backup, command id and attempt: one verification. */
    public static String verifyId(VerifyBackup command) {
        String identity = String.join("\u0000", "lifeboat-verify", command.engine().id(), command.targetId(),
                command.backupId(), command.commandId(), Integer.toString(command.attempt()));
        return "vf-" + HexFormat.of().formatHex(sha256(identity)).substring(0, HEX_CHARS);
    }

    /** {@code ex-} and 96 bits of SHA-256 over engine, target, command id and attempt: one expiry. */
    public static String expireId(ExpireBackups command) {
        String identity = String.join("\u0000", "lifeboat-expire", command.engine().id(), command.targetId(),
                command.commandId(), Integer.toString(command.attempt()));
        return "ex-" + HexFormat.of().formatHex(sha256(identity)).substring(0, HEX_CHARS);
    }

    /** The CloudEvents id of the {@code BackupCompleted} fact of {@code backupId}. */
    public static String completedEventId(String backupId) {
        return backupId + ".completed";
    }

    /** The CloudEvents id of the {@code BackupFailed} fact of {@code backupId}. */
    public static String failedEventId(String backupId) {
        return backupId + ".failed";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
