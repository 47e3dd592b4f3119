package io.lifeboat.catalog.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;
import io.lifeboat.events.archive.ArchiveProgressed;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupFailed;
import io.lifeboat.events.backup.BackupStarted;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.BackupsExpired;
import io.lifeboat.events.backup.ExpireFailed;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.StorageTier;

/**
 * Facts as agents and the scheduler publish them, with plausible values for everything a test does not care about.
 */
public final class Facts {

    /** A SHA-256 in the shape the contract asks for. */
    public static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** A retention that keeps everything for a long time. */
    public static final Retention KEEP_MUCH = new Retention(0, 30, 12, 12, 7, null);

    private Facts() {
    }

    /** A PostgreSQL policy with continuous WAL archiving. */
    public static PolicyDefined policy(String target, Duration rpo, Retention retention, Instant definedAt) {
        return policy(target, Engine.POSTGRES, rpo, retention, List.of(), definedAt);
    }

    /** A policy of any engine. */
    public static PolicyDefined policy(String target, Engine engine, Duration rpo, Retention retention,
            List<StorageTier> tiers, Instant definedAt) {
        return new PolicyDefined(target, engine, "secret://lifeboat/" + target, ProtectionTier.TIER_1,
                List.of(new BackupSchedule(BackupType.FULL, "0 2 * * *")), true, rpo, Duration.ofMinutes(15),
                retention, tiers, null, null, FailoverMode.MANUAL, "test", definedAt);
    }

    public static BackupStarted started(String target, String backupId, Instant at) {
        return new BackupStarted(backupId, target, Engine.POSTGRES, BackupType.FULL, "cmd-" + backupId, null, at);
    }

    /** A full PostgreSQL backup consistent at {@code consistentAt}, completed a second later. */
    public static BackupCompleted completed(String target, String backupId, Instant consistentAt) {
        return completed(target, backupId, BackupType.FULL, null, consistentAt);
    }

    public static BackupCompleted completed(String target, String backupId, BackupType type, String base,
            Instant consistentAt) {
        return new BackupCompleted(backupId, target, Engine.POSTGRES, type, "cmd-" + backupId, base,
                consistentAt.minusSeconds(60), consistentAt.plusSeconds(1), consistentAt, "0/" + backupId.hashCode(),
                "1/" + backupId.hashCode(), 1_000_000, 400_000, SHA,
                new StorageLocation("lifeboat", target + "/" + backupId + "/"), "STANDARD", null);
    }

    public static BackupFailed failed(String target, String backupId, Instant at) {
        return new BackupFailed(backupId, target, "cmd-" + backupId, "upload", "unable to upload part 3: timeout",
                true, at);
    }

    public static BackupVerified verified(String target, String backupId, Instant at) {
        return new BackupVerified("verify-" + at.toEpochMilli(), target, backupId, SHA, 400_000, at);
    }

    public static VerificationFailed verificationFailed(String target, String backupId, Instant at) {
        return new VerificationFailed("verify-" + at.toEpochMilli(), target, backupId, "checksum",
                "part 2 does not match its manifest", SHA, SHA.replace('9', '8'), at);
    }

    public static BackupsExpired expired(String target, String commandId, List<String> backupIds, Instant at) {
        return new BackupsExpired(commandId, target, backupIds, 400_000L * backupIds.size(), at);
    }

    public static ExpireFailed expireFailed(String target, String commandId, List<String> done, List<String> left,
            Instant at) {
        return new ExpireFailed(commandId, target, done, left, "delete", "access denied on the bucket", true, at);
    }

    /** WAL archived up to {@code archived}, the source's head committed at {@code head}, read at {@code observed}. */
    public static ArchiveProgressed archived(String target, Instant archived, Instant head, Instant observed) {
        return new ArchiveProgressed(target, Engine.POSTGRES, "0/" + archived.getEpochSecond(), archived,
                "0/" + head.getEpochSecond(), head, 1L, "000000010000000000000003",
                new StorageLocation("lifeboat", target + "/wal/"), observed);
    }

    /** The archive lost WAL the source removed before it was stored. */
    public static ArchiveFailed gap(String target, Instant at) {
        return new ArchiveFailed(target, Engine.POSTGRES, ArchiveFailure.GAP, "segment 000000010000000000000007 was "
                + "removed from the source before it was stored", "0/7000000", "000000010000000000000007",
                "000000010000000000000009", 1L, false, at);
    }
}
