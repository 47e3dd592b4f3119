package io.lifeboat.events.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.lifeboat.events.envelope.Envelope;

/**
 * A handler of {@link EventConsumerLoop} failed on a valid event; the record will be redelivered.
 */
public class HandlerFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception naming the record and the event.
     *
     * @param record the record being handled
     * @param envelope the decoded event
     * @param cause the handler's exception
     */
    public HandlerFailedException(ConsumerRecord<?, ?> record, Envelope<?> envelope, Throwable cause) {
        super("unable to handle " + envelope.type() + " '" + envelope.id() + "' from topic " + record.topic()
                + " partition " + record.partition() + " offset " + record.offset() + ": " + cause.getMessage(),
                cause);
    }
}
