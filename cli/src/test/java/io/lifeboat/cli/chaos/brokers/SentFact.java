package io.lifeboat.cli.chaos.brokers;

import org.apache.kafka.common.TopicPartition;

/**
 * A fact the broker acknowledged: a target's policy ({@code backupId} null) or a completed backup, with the
 * partition and offset it was stored at.
 */
record SentFact(String targetId, String backupId, TopicPartition partition, long offset) {

    /** Whether the fact is a policy rather than a backup. */
    boolean policy() {
        return backupId == null;
    }

    /** The fact for findings: {@code backup b1 of t1 (lifeboat.backup.events-2@415)}. */
    String describe() {
        return (policy() ? "policy of " + targetId : "backup " + backupId + " of " + targetId) + " (" + partition
                + "@" + offset + ")";
    }
}
