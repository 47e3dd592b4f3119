package io.lifeboat.cli.chaos.brokers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.lifeboat.events.Engine;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.StorageLocation;
import io.lifeboat.events.policy.BackupSchedule;
import io.lifeboat.events.policy.FailoverMode;
import io.lifeboat.events.policy.PolicyDefined;
import io.lifeboat.events.policy.ProtectionTier;
import io.lifeboat.events.policy.Retention;

/**
 * The facts of the broker-loss scenario in send order: one {@code PolicyDefined} per target, then full backups
 * completed round-robin over the targets, each consistent a minute after the target's previous one and the newest a
 * minute before {@code now}.
 *
 * <p>
 * The policies keep every backup (keep-last as many as there are facts, no buckets, no storage tiers), so nothing
 * but the fact itself writes a backup's catalog entry: one entry per backup is the whole expected output, and a
 * second equal entry can only be a fact folded twice.
 */
record CatalogFacts(List<LifeboatMessage> facts, List<String> targets, List<BackupCompleted> backups) {

    /** The SHA-256 every generated backup claims. */
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    CatalogFacts {
        facts = List.copyOf(facts);
        targets = List.copyOf(targets);
        backups = List.copyOf(backups);
    }

    /**
     * Generates {@code total} facts: {@code targets} policies and {@code total - targets} completed backups.
     *
     * @throws IllegalArgumentException when there would be no backup
     */
    static CatalogFacts generate(int total, int targets, Instant now) {
        if (targets < 1 || total <= targets) {
            throw new IllegalArgumentException("the broker-loss facts need at least one target and one backup, not "
                    + targets + " targets in " + total + " facts");
        }
        List<LifeboatMessage> facts = new ArrayList<>(total);
        List<String> ids = new ArrayList<>(targets);
        List<BackupCompleted> backups = new ArrayList<>(total - targets);
        int rounds = (total - targets + targets - 1) / targets;
        Instant first = now.minus(Duration.ofMinutes(rounds + 1L));
        Retention keepAll = new Retention(0, 0, 0, 0, 0, null, total, null, null, null);
        for (int t = 0; t < targets; t++) {
            String target = String.format("chaos-broker-%03d", t);
            ids.add(target);
            facts.add(new PolicyDefined(target, Engine.POSTGRES, "secret://lifeboat/" + target, ProtectionTier.TIER_1,
                    List.of(new BackupSchedule(BackupType.FULL, "0 2 * * *")), false, Duration.ofDays(2),
                    Duration.ofMinutes(15), keepAll, List.of(), null, null, FailoverMode.MANUAL, "chaos",
                    first.minus(Duration.ofHours(1))));
        }
        for (int i = 0; facts.size() < total; i++) {
            String target = ids.get(i % targets);
            int round = i / targets;
            String backupId = target + "-b" + String.format("%05d", round);
            BackupCompleted completed = completed(target, backupId, first.plus(Duration.ofMinutes(round)));
            backups.add(completed);
            facts.add(completed);
        }
        return new CatalogFacts(facts, ids, backups);
    }

    private static BackupCompleted completed(String target, String backupId, Instant consistentAt) {
        return new BackupCompleted(backupId, target, Engine.POSTGRES, BackupType.FULL, "cmd-" + backupId, null,
                consistentAt.minusSeconds(60), consistentAt.plusSeconds(1), consistentAt,
                "0/" + Integer.toHexString(backupId.hashCode()), "1/" + Integer.toHexString(backupId.hashCode()),
                1_000_000, 400_000, SHA, new StorageLocation("lifeboat", target + "/" + backupId + "/"), "STANDARD",
                null);
    }
}
