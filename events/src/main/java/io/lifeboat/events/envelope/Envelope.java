package io.lifeboat.events.envelope;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.lifeboat.events.EventType;
import io.lifeboat.events.EventTypes;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Require;
import io.lifeboat.events.Topic;

/**
 * A message with its CloudEvents metadata; {@code type} and {@code subject} derive from the payload.
 *
 * @param id CloudEvents {@code id}: unique per event, the consumer's deduplication key
 * @param source CloudEvents {@code source}: the producing service, see {@link #sourceOf(String)}
 * @param time CloudEvents {@code time}: when the producer created the event
 * @param correlationId extension {@code correlationid}: shared by every event of one piece of work
 * @param causationId extension {@code causationid}: id of the event that caused this one (optional)
 * @param payload the command or fact
 * @param trace extensions {@code traceparent} and {@code tracestate} (CloudEvents Distributed Tracing): where the
 *        event stands in the W3C trace of its request (optional)
 * @param <T> the message type
 */
public record Envelope<T extends LifeboatMessage>(String id, URI source, Instant time, String correlationId,
        String causationId, T payload, TraceContext trace) {

    /**
     * Validates that every attribute Lifeboat relies on is present and the payload type is registered.
     */
    public Envelope {
        Require.nonBlank(id, "Envelope.id");
        Require.nonNull(source, "Envelope.source");
        Require.nonNull(time, "Envelope.time");
        Require.nonBlank(correlationId, "Envelope.correlationId");
        Require.nonNull(payload, "Envelope.payload");
        EventTypes.of(payload.getClass());
    }

    /**
     * Creates an envelope without trace context.
     *
     * @param id CloudEvents {@code id}
     * @param source CloudEvents {@code source}
     * @param time CloudEvents {@code time}
     * @param correlationId extension {@code correlationid}
     * @param causationId extension {@code causationid}, may be null
     * @param payload the command or fact
     */
    public Envelope(String id, URI source, Instant time, String correlationId, String causationId, T payload) {
        this(id, source, time, correlationId, causationId, payload, null);
    }

    /**
     * Wraps a message that starts a new piece of work: a fresh id that is also the correlation id, and a new trace.
     *
     * @param source the producing service, see {@link #sourceOf(String)}
     * @param payload the message
     * @param <T> the message type
     * @return the envelope
     */
    public static <T extends LifeboatMessage> Envelope<T> of(URI source, T payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope<>(id, source, Instant.now(), id, null, payload, TraceContext.start());
    }

    /**
     * Wraps a message caused by another event: same correlation id, causation id = the cause's id, and a child of
     * the cause's trace (a new span id under its trace id).
     *
     * @param cause the event being handled
     * @param source the producing service, see {@link #sourceOf(String)}
     * @param payload the message
     * @param <T> the message type
     * @return the envelope
     */
    public static <T extends LifeboatMessage> Envelope<T> causedBy(Envelope<?> cause, URI source, T payload) {
        return causedBy(cause, UUID.randomUUID().toString(), source, payload);
    }

    /**
     * Wraps a message caused by another event under a given id, e.g. an outcome whose id derives from its work so
     * that a re-emitted one is the same event.
     *
     * @param cause the event being handled
     * @param id the CloudEvents {@code id}
     * @param source the producing service, see {@link #sourceOf(String)}
     * @param payload the message
     * @param <T> the message type
     * @return the envelope
     */
    public static <T extends LifeboatMessage> Envelope<T> causedBy(Envelope<?> cause, String id, URI source,
            T payload) {
        return new Envelope<>(id, source, Instant.now(), cause.correlationId(), cause.id(), payload,
                TraceContext.answering(cause));
    }

    /**
     * Returns this envelope in another trace, e.g. the caller's of a REST request, or the trace a run keeps.
     *
     * @param other the trace context; null leaves this envelope without one
     * @return the envelope with {@code other} as its trace
     */
    public Envelope<T> withTrace(TraceContext other) {
        return new Envelope<>(id, source, time, correlationId, causationId, payload, other);
    }

    /**
     * Returns the {@code source} URI of a Lifeboat service, {@code urn:lifeboat:<service>}.
     *
     * @param service the service name, e.g. {@code pg-agent}
     * @return the source URI
     */
    public static URI sourceOf(String service) {
        return URI.create("urn:lifeboat:" + Require.nonBlank(service, "service"));
    }

    /**
     * Returns the registered type of the payload.
     *
     * @return the event type
     */
    public EventType<?> eventType() {
        return EventTypes.of(payload.getClass());
    }

    /**
     * Returns the CloudEvents {@code type}, e.g. {@code io.lifeboat.backup.completed.v1}.
     *
     * @return the versioned type name
     */
    public String type() {
        return eventType().type();
    }

    /**
     * Returns the CloudEvents {@code subject}: the target id.
     *
     * @return the target id
     */
    public String subject() {
        return payload.targetId();
    }

    /**
     * Returns the topic this envelope is written to.
     *
     * @return the topic from the registry
     */
    public Topic topic() {
        return eventType().topicFor(payload);
    }
}
