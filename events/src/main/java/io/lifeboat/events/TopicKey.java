package io.lifeboat.events;

/**
 * What the Kafka key of a topic's records holds; the key is the aggregate whose order must hold.
 */
public enum TopicKey {
    /** The target id as a UTF-8 string: all messages about one target stay in order. */
    TARGET_ID,
    /** The backup id as a UTF-8 string: one compacted entry per backup. */
    BACKUP_ID,
    /** The key bytes of the record that was dead-lettered, unchanged. */
    ORIGINAL_KEY
}
