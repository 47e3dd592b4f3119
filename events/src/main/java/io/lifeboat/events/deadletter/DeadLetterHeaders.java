package io.lifeboat.events.deadletter;

/**
 * Names of the headers a dead-lettered record carries besides its original headers; values are UTF-8 strings.
 */
public final class DeadLetterHeaders {

    /** Prefix shared by every dead-letter header; earlier values are replaced when a record is dead-lettered again. */
    public static final String PREFIX = "lifeboat.dlq.";
    /** Why the record was rejected, e.g. {@code schema violation for ...: $.targetId: required property missing}. */
    public static final String REASON = PREFIX + "reason";
    /** Fully qualified class name of the exception that rejected the record. */
    public static final String EXCEPTION = PREFIX + "exception";
    /** Topic the record was consumed from. */
    public static final String TOPIC = PREFIX + "topic";
    /** Partition the record was consumed from, in decimal. */
    public static final String PARTITION = PREFIX + "partition";
    /** Offset of the record in its partition, in decimal. */
    public static final String OFFSET = PREFIX + "offset";
    /** Timestamp of the original record, epoch milliseconds in decimal. */
    public static final String TIMESTAMP = PREFIX + "timestamp";
    /** Consumer group that rejected the record; absent when unknown. */
    public static final String GROUP = PREFIX + "group";
    /** ISO-8601 instant at which the record was dead-lettered. */
    public static final String DEAD_LETTERED_AT = PREFIX + "time";

    private DeadLetterHeaders() {
    }
}
