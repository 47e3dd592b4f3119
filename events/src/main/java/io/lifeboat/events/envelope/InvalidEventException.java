package io.lifeboat.events.envelope;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A Kafka record that is not a valid Lifeboat event; the message names the record and the cause.
 *
 * <p>
 * It extends {@link SerializationException} so that Kafka clients and Kafka Streams treat it as a poison record.
 */
public class InvalidEventException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final Integer partition;
    private final Long offset;
    private final String reason;

    /**
     * Creates the exception for a record at a known position.
     *
     * @param topic topic of the record
     * @param partition partition of the record, or {@code null} when unknown (inside a deserializer)
     * @param offset offset of the record, or {@code null} when unknown
     * @param reason what is wrong, e.g. {@code $.targetId: required property missing}
     * @param cause the underlying error, or {@code null}
     */
    public InvalidEventException(String topic, Integer partition, Long offset, String reason, Throwable cause) {
        super("invalid event in " + position(topic, partition, offset) + ": " + reason, cause);
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.reason = reason;
    }

    /**
     * Returns the topic of the rejected record.
     *
     * @return the topic name
     */
    public String topic() {
        return topic;
    }

    /**
     * Returns the partition of the rejected record.
     *
     * @return the partition, or {@code null} when unknown
     */
    public Integer partition() {
        return partition;
    }

    /**
     * Returns the offset of the rejected record.
     *
     * @return the offset, or {@code null} when unknown
     */
    public Long offset() {
        return offset;
    }

    /**
     * Returns what is wrong with the record, without its position.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    private static String position(String topic, Integer partition, Long offset) {
        if (partition == null) {
            return "topic " + topic;
        }
        return "topic " + topic + " partition " + partition + (offset == null ? "" : " offset " + offset);
    }
}
