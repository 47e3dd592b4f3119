package io.lifeboat.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Samples;
import io.lifeboat.events.Topics;
import io.lifeboat.events.rpo.RpoBreached;
import io.lifeboat.events.rpo.RpoLagMeasured;

class EnvelopeSerdeTest {

    private final Envelope<RpoLagMeasured> lag = Envelope.of(Envelope.sourceOf("catalog-service"),
            Samples.message(RpoLagMeasured.class));

    @Test
    void serializerWritesBinaryModeHeadersThatTheTypedDeserializerReads() {
        EnvelopeSerde<RpoLagMeasured> serde = EnvelopeSerde.of(RpoLagMeasured.class);
        serde.configure(Map.of(), false);
        RecordHeaders headers = new RecordHeaders();

        byte[] body = serde.serializer().serialize(Topics.RPO.name(), headers, lag);

        assertThat(new String(headers.lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("io.lifeboat.rpo.lag-measured.v1");
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("\"lag\":\"PT32S\"");
        assertThat(serde.deserializer().deserialize(Topics.RPO.name(), headers, body)).isEqualTo(lag);
    }

    @Test
    void typedDeserializerRejectsAnotherTypeNamingBoth() {
        Envelope<RpoBreached> breach = Envelope.of(Envelope.sourceOf("catalog-service"),
                Samples.message(RpoBreached.class));
        RecordHeaders headers = new RecordHeaders();
        byte[] body = new EnvelopeSerializer<RpoBreached>().serialize(Topics.RPO.name(), headers, breach);

        assertThatThrownBy(() -> EnvelopeSerde.of(RpoLagMeasured.class).deserializer()
                .deserialize(Topics.RPO.name(), headers, body))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("invalid event in topic lifeboat.rpo: expected a RpoLagMeasured but event '" + breach.id()
                        + "' is a io.lifeboat.rpo.breached.v1");
    }

    @Test
    void tombstonesStayNullBothWays() {
        EnvelopeSerde<LifeboatMessage> serde = EnvelopeSerde.any();
        RecordHeaders headers = new RecordHeaders();

        assertThat(serde.serializer().serialize(Topics.POLICIES.name(), headers, null)).isNull();
        assertThat(serde.deserializer().deserialize(Topics.POLICIES.name(), headers, (byte[]) null)).isNull();
        assertThat(headers.toArray()).isEmpty();
    }

    @Test
    void serializerWithoutHeadersIsRefused() {
        assertThatThrownBy(() -> new EnvelopeSerializer<RpoLagMeasured>().serialize(Topics.RPO.name(), lag))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("needs record headers");
    }
}
