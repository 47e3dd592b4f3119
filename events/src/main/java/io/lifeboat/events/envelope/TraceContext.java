package io.lifeboat.events.envelope;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A W3C Trace Context position, {@code traceparent} with its optional {@code tracestate}, as carried by the
 * CloudEvents Distributed Tracing extension; parsing and formatting are OpenTelemetry's
 * {@link W3CTraceContextPropagator}.
 */
public final class TraceContext {

    /** Name of the {@code traceparent} attribute (HTTP header, CloudEvents extension). */
    public static final String TRACEPARENT = "traceparent";
    /** Name of the {@code tracestate} attribute (HTTP header, CloudEvents extension). */
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final SpanContext span;

    private TraceContext(SpanContext span) {
        this.span = span;
    }

    /**
     * Reads a {@code traceparent} and its {@code tracestate}; anything not valid W3C Trace Context is dropped.
     *
     * @param traceparent the header value, may be null
     * @param tracestate the header value, may be null; an invalid one is dropped on its own
     * @return the context, or empty when {@code traceparent} is absent or invalid
     */
    public static Optional<TraceContext> parse(String traceparent, String tracestate) {
        if (traceparent == null || traceparent.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent.trim());
        if (tracestate != null && !tracestate.isBlank()) {
            carrier.put(TRACESTATE, tracestate.trim());
        }
        SpanContext span = Span.fromContext(W3C.extract(Context.root(), carrier, MAP)).getSpanContext();
        return span.isValid() ? Optional.of(new TraceContext(span)) : Optional.empty();
    }

    /**
     * Reads a {@code traceparent} without {@code tracestate}.
     *
     * @param traceparent the header value, may be null
     * @return the context, or empty when absent or invalid
     */
    public static Optional<TraceContext> parse(String traceparent) {
        return parse(traceparent, null);
    }

    /**
     * Starts a new trace: random trace and span ids, sampled, so that a backend records the work it begins.
     *
     * @return the root position of the new trace
     */
    public static TraceContext start() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId;
        do {
            traceId = TraceId.fromLongs(random.nextLong(), random.nextLong());
        } while (!TraceId.isValid(traceId));
        return new TraceContext(SpanContext.createFromRemoteParent(traceId, newSpanId(), TraceFlags.getSampled(),
                TraceState.getDefault()));
    }

    /**
     * Returns the trace context of work a caller asked for, e.g. over HTTP: a child of the caller's position, or a
     * new trace when the caller gave none or an invalid one.
     *
     * @param traceparent the caller's {@code traceparent}, may be null
     * @param tracestate the caller's {@code tracestate}, may be null
     * @return the context to put on the work's first message
     */
    public static TraceContext continuing(String traceparent, String tracestate) {
        return parse(traceparent, tracestate).map(TraceContext::child).orElseGet(TraceContext::start);
    }

    /**
     * Returns the trace context of a message caused by {@code cause}: a child of its trace, or a new trace when the
     * cause carries none.
     *
     * @param cause the event or command being answered, may be null
     * @return the context to put on the answer
     */
    public static TraceContext answering(Envelope<?> cause) {
        return cause == null || cause.trace() == null ? start() : cause.trace().child();
    }

    /**
     * Returns a new position in the same trace: same trace id, flags and state, a new span id.
     *
     * @return the child
     */
    public TraceContext child() {
        return new TraceContext(SpanContext.createFromRemoteParent(span.getTraceId(), newSpanId(),
                span.getTraceFlags(), span.getTraceState()));
    }

    /**
     * Returns the 32 lower-case hex digits of the trace id.
     *
     * @return the trace id
     */
    public String traceId() {
        return span.getTraceId();
    }

    /**
     * Returns the 16 lower-case hex digits of the span (parent) id.
     *
     * @return the span id
     */
    public String spanId() {
        return span.getSpanId();
    }

    /**
     * Tells whether the caller asked for the trace to be recorded.
     *
     * @return the sampled flag
     */
    public boolean sampled() {
        return span.isSampled();
    }

    /**
     * Formats the {@code traceparent} value, version {@code 00}.
     *
     * @return {@code 00-<trace id>-<span id>-<flags>}
     */
    public String traceparent() {
        return header().get(TRACEPARENT);
    }

    /**
     * Formats the {@code tracestate} value.
     *
     * @return the list of vendor entries, or null when there are none
     */
    public String tracestate() {
        return header().get(TRACESTATE);
    }

    private Map<String, String> header() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.root().with(Span.wrap(span)), carrier, Map::put);
        return carrier;
    }

    private static String newSpanId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String spanId;
        do {
            spanId = SpanId.fromLong(random.nextLong());
        } while (!SpanId.isValid(spanId));
        return spanId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TraceContext that && traceparent().equals(that.traceparent())
                && Objects.equals(tracestate(), that.tracestate());
    }

    @Override
    public int hashCode() {
        return traceparent().hashCode();
    }

    @Override
    public String toString() {
        String state = tracestate();
        return state == null ? traceparent() : traceparent() + " (" + state + ")";
    }
}
