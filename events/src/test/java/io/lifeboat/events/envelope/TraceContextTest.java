package io.lifeboat.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lifeboat.events.Samples;
import io.lifeboat.events.backup.RunBackup;

class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @Test
    void readsTheIdsAndFlagsOfAValidTraceparent() {
        TraceContext trace = TraceContext.parse(PARENT, "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE").orElseThrow();

        assertThat(trace.traceId()).isEqualTo(TRACE_ID);
        assertThat(trace.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(trace.sampled()).isTrue();
        assertThat(trace.traceparent()).isEqualTo(PARENT);
        assertThat(trace.tracestate()).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
    }

    @Test
    void keepsAnUnsampledFlag() {
        TraceContext trace = TraceContext.parse("00-" + TRACE_ID + "-00f067aa0ba902b7-00").orElseThrow();

        assertThat(trace.sampled()).isFalse();
        assertThat(trace.traceparent()).endsWith("-00");
        assertThat(trace.tracestate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "00-" + TRACE_ID + "-00f067aa0ba902b7",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-0000000000000000-01", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra", "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",
            "00-" + TRACE_ID + "-00f067aa0ba902bz-01"})
    void dropsAnInvalidTraceparent(String value) {
        assertThat(TraceContext.parse(value, "rojo=00f067aa0ba902b7")).isEmpty();
    }

    @Test
    void dropsAMissingTraceparentEvenWithATracestate() {
        assertThat(TraceContext.parse(null, "rojo=00f067aa0ba902b7")).isEmpty();
    }

    @Test
    void dropsAnInvalidTracestateButKeepsTheTraceparent() {
        TraceContext trace = TraceContext.parse(PARENT, "not a list member").orElseThrow();

        assertThat(trace.traceparent()).isEqualTo(PARENT);
        assertThat(trace.tracestate()).isNull();
    }

    @Test
    void aChildKeepsTraceIdFlagsAndStateUnderANewSpanId() {
        TraceContext parent = TraceContext.parse(PARENT, "rojo=00f067aa0ba902b7").orElseThrow();

        TraceContext child = parent.child();

        assertThat(child.traceId()).isEqualTo(TRACE_ID);
        assertThat(child.spanId()).isNotEqualTo(parent.spanId()).matches("[0-9a-f]{16}")
                .isNotEqualTo("0000000000000000");
        assertThat(child.sampled()).isTrue();
        assertThat(child.tracestate()).isEqualTo("rojo=00f067aa0ba902b7");
    }

    @Test
    void aNewTraceIsValidSampledAndItsOwn() {
        TraceContext first = TraceContext.start();
        TraceContext second = TraceContext.start();

        assertThat(first.traceparent()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceContext.parse(first.traceparent())).contains(first);
        assertThat(second.traceId()).isNotEqualTo(first.traceId());
    }

    @Test
    void workACallerAsksForContinuesItsTraceOrStartsOne() {
        TraceContext continued = TraceContext.continuing(PARENT, "rojo=00f067aa0ba902b7");
        TraceContext started = TraceContext.continuing("00-garbage-01", null);

        assertThat(continued.traceId()).isEqualTo(TRACE_ID);
        assertThat(continued.spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(continued.tracestate()).isEqualTo("rojo=00f067aa0ba902b7");
        assertThat(started.traceId()).isNotEqualTo(TRACE_ID);
        assertThat(TraceContext.continuing(null, null).sampled()).isTrue();
    }

    @Test
    void anAnswerContinuesTheTraceOfItsCauseOrStartsOne() {
        TraceContext commandTrace = TraceContext.parse(PARENT).orElseThrow();
        Envelope<?> traced = Envelope.of(Envelope.sourceOf("test"), Samples.message(RunBackup.class))
                .withTrace(commandTrace);
        Envelope<?> untraced = traced.withTrace(null);

        assertThat(TraceContext.answering(traced).traceId()).isEqualTo(TRACE_ID);
        assertThat(TraceContext.answering(traced).spanId()).isNotEqualTo(commandTrace.spanId());
        assertThat(TraceContext.answering(untraced).traceId()).isNotEqualTo(TRACE_ID);
        assertThat(TraceContext.answering(null)).isNotNull();
    }
}
