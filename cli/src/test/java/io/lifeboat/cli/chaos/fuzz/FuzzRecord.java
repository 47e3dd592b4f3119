package io.lifeboat.cli.chaos.fuzz;

import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record the fuzz scenario sends: its id (in header {@link #CHAOS_ID}, or the key when it has no header), the
 * kind of malformation and what goes to the broker.
 *
 * @param id unique id of the record within a run
 * @param kind how it is broken, {@link FuzzKind#VALID} when it is not
 * @param template what it was derived from
 * @param key the record key
 * @param headers the record headers
 * @param value the record value, null for a tombstone
 */
public record FuzzRecord(String id, FuzzKind kind, FuzzTemplate template, String key, List<Header> headers,
        byte[] value) {

    /** Header carrying the record's id, copied to its dead-letter record. */
    public static final String CHAOS_ID = "lifeboat-chaos-id";

    public FuzzRecord {
        headers = List.copyOf(headers);
    }

    /** The topic the record goes to. */
    public String topic() {
        return template.topic();
    }

    /** Whether the record is malformed. */
    public boolean malformed() {
        return kind != FuzzKind.VALID;
    }

    /** The producer record. */
    public ProducerRecord<String, byte[]> producerRecord() {
        return new ProducerRecord<>(topic(), null, key, value, headers);
    }
}
