package io.lifeboat.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lifeboat.events.EventTypes;
import io.lifeboat.events.Samples;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.RunBackup;

class EventCodecTest {

    private static final String TOPIC = Topics.COMMANDS_POSTGRES.name();
    private static final URI SOURCE = Envelope.sourceOf("scheduler-service");

    private final EventCodec codec = new EventCodec();
    private final RunBackup runBackup = Samples.message(RunBackup.class);

    @Test
    void acceptsStructuredModeWithTheWholeEventInTheBody() {
        ObjectNode event = LifeboatJson.mapper().createObjectNode()
                .put("specversion", "1.0")
                .put("id", "ext-42")
                .put("source", "https://ci.example.org/pipelines/migrate-orders")
                .put("type", "io.lifeboat.backup.run.v1")
                .put("subject", "orders-db")
                .put("time", "2026-11-21T08:59:00Z")
                .put("datacontenttype", "application/json")
                .put("correlationid", "migration-7");
        event.set("data", Samples.json(EventTypes.of(RunBackup.class)));
        Headers headers = headers("content-type", "application/cloudevents+json; charset=UTF-8");

        Envelope<?> envelope = codec.decode(record(headers, bytes(event.toString())));

        assertThat(envelope.payload()).isEqualTo(runBackup);
        assertThat(envelope.id()).isEqualTo("ext-42");
        assertThat(envelope.source()).isEqualTo(URI.create("https://ci.example.org/pipelines/migrate-orders"));
        assertThat(envelope.time()).isEqualTo(Instant.parse("2026-11-21T08:59:00Z"));
        assertThat(envelope.correlationId()).isEqualTo("migration-7");
        assertThat(envelope.causationId()).isNull();
    }

    @Test
    void keepsCorrelationAndCausationOfACausedEvent() {
        Envelope<RunBackup> cause = Envelope.of(SOURCE, runBackup);
        Envelope<RunBackup> retry = Envelope.causedBy(cause, SOURCE, runBackup);

        Envelope<?> decoded = codec.decode(Samples.consumed(codec.encode(retry), 3));

        assertThat(decoded.correlationId()).isEqualTo(cause.id());
        assertThat(decoded.causationId()).isEqualTo(cause.id());
        assertThat(header(codec.encode(retry).headers(), "ce_causationid")).isEqualTo(cause.id());
    }

    @Test
    void carriesTheTraceContextInCeHeadersAndBack() {
        TraceContext trace = TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "rojo=00f067aa0ba902b7").orElseThrow();
        Envelope<RunBackup> sent = Envelope.of(SOURCE, runBackup).withTrace(trace);

        ProducerRecord<String, byte[]> written = codec.encode(sent);
        Envelope<?> decoded = codec.decode(Samples.consumed(written, 5));

        assertThat(header(written.headers(), "ce_traceparent"))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(header(written.headers(), "ce_tracestate")).isEqualTo("rojo=00f067aa0ba902b7");
        assertThat(decoded.trace()).isEqualTo(trace);
        assertThat(decoded).isEqualTo(sent);
    }

    @Test
    void startsATraceForNewWorkAndContinuesItInCausedEvents() {
        Envelope<RunBackup> command = Envelope.of(SOURCE, runBackup);
        Envelope<RunBackup> answer = Envelope.causedBy(command, SOURCE, runBackup);
        Envelope<RunBackup> outcome = Envelope.causedBy(command, "outcome-1", SOURCE, runBackup);

        Envelope<?> decoded = codec.decode(Samples.consumed(codec.encode(answer), 4));

        assertThat(command.trace()).isNotNull();
        assertThat(decoded.trace().traceId()).isEqualTo(command.trace().traceId());
        assertThat(decoded.trace().spanId()).isNotEqualTo(command.trace().spanId());
        assertThat(outcome.id()).isEqualTo("outcome-1");
        assertThat(outcome.trace().traceId()).isEqualTo(command.trace().traceId());
    }

    @Test
    void dropsAnInvalidTraceparentAndStillReadsTheEvent() {
        Headers headers = binaryHeaders();
        headers.add("ce_traceparent", bytes("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        headers.add("ce_tracestate", bytes("rojo=00f067aa0ba902b7"));

        Envelope<?> envelope = codec.decode(record(headers, bytes(Samples.json(EventTypes.of(RunBackup.class))
                .toString())));

        assertThat(envelope.payload()).isEqualTo(runBackup);
        assertThat(envelope.trace()).isNull();
    }

    @Test
    void writesNoTraceHeadersForAnEnvelopeWithoutTrace() {
        ProducerRecord<String, byte[]> written = codec.encode(Envelope.of(SOURCE, runBackup).withTrace(null));

        assertThat(written.headers().lastHeader("ce_traceparent")).isNull();
        assertThat(written.headers().lastHeader("ce_tracestate")).isNull();
        assertThat(codec.decode(Samples.consumed(written, 6)).trace()).isNull();
    }

    @Test
    void writesNoNullsAndIgnoresUnknownFieldsOnRead() {
        RunBackup unscheduled = new RunBackup("c-1", "orders-db", runBackup.engine(), runBackup.backupType(), "ops",
                null, null, 1);
        ProducerRecord<String, byte[]> written = codec.encode(Envelope.of(SOURCE, unscheduled));
        String body = new String(written.value(), StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("null").doesNotContain("deadline").doesNotContain("scheduledFor");

        String withExtraField = body.replace("{", "{\"addedInALaterVersion\":{\"x\":1},");
        Envelope<?> read = codec.decode(record(written.headers(), bytes(withExtraField)));
        assertThat(read.payload()).isEqualTo(unscheduled);
    }

    @Test
    void rejectsAMissingRequiredFieldNamingItsPath() {
        ObjectNode json = Samples.json(EventTypes.of(RunBackup.class));
        json.remove("targetId");

        assertThatThrownBy(() -> codec.decode(record(binaryHeaders(), bytes(json.toString()))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("invalid event in topic lifeboat.commands.postgres partition 0 offset 42: schema violation"
                        + " for io.lifeboat.backup.run.v1: $.targetId: required property missing");
    }

    @Test
    void rejectsAWrongTypeNamingItsPath() {
        ObjectNode json = Samples.json(EventTypes.of(RunBackup.class));
        json.put("attempt", "first");

        assertThatThrownBy(() -> codec.decode(record(binaryHeaders(), bytes(json.toString()))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(
                        "schema violation for io.lifeboat.backup.run.v1: $.attempt: string found, integer expected");
    }

    @Test
    void rejectsAnUnknownType() {
        Headers headers = binaryHeaders();
        headers.remove("ce_type").add("ce_type", bytes("io.lifeboat.backup.exploded.v1"));

        assertThatThrownBy(
                () -> codec.decode(record(headers, bytes(Samples.json(EventTypes.of(RunBackup.class)).toString()))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageEndingWith(": unknown event type 'io.lifeboat.backup.exploded.v1'");
    }

    @Test
    void rejectsAMissingId() {
        Headers headers = binaryHeaders();
        headers.remove("ce_id");

        assertThatThrownBy(() -> codec.decode(record(headers, bytes("{}"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageEndingWith(": missing header ce_id")
                .satisfies(e -> assertThat(((InvalidEventException) e).offset()).isEqualTo(42L));
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThatThrownBy(() -> codec.decode(record(binaryHeaders(), bytes("backup orders-db now"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(": body is not JSON at line 1 column 1: Unrecognized token 'backup'");
    }

    @Test
    void rejectsARecordWithoutCloudEventsHeaders() {
        assertThatThrownBy(() -> codec.decode(record(new RecordHeaders(), bytes("{}"))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageEndingWith(": not a CloudEvent: missing header ce_specversion (binary mode) and content-type"
                        + " is 'null', not application/cloudevents+json (structured mode)");
    }

    @Test
    void rejectsABlankIdThatTheSchemaCannotSee() {
        ObjectNode json = Samples.json(EventTypes.of(RunBackup.class));
        json.put("targetId", "   ");

        assertThatThrownBy(() -> codec.decode(record(binaryHeaders(), bytes(json.toString()))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageEndingWith(": RunBackup rejected the payload: RunBackup.targetId must not be blank");
    }

    @Test
    void rejectsASubjectThatDisagreesWithThePayload() {
        Headers headers = binaryHeaders();
        headers.remove("ce_subject").add("ce_subject", bytes("billing-db"));

        assertThatThrownBy(
                () -> codec.decode(record(headers, bytes(Samples.json(EventTypes.of(RunBackup.class)).toString()))))
                .hasMessageEndingWith(": subject 'billing-db' does not match targetId 'orders-db' of event 'evt-1'");
    }

    @Test
    void rejectsATombstone() {
        assertThatThrownBy(() -> codec.decode(record(binaryHeaders(), null)))
                .hasMessageEndingWith(": record has no value (tombstone)");
    }

    @Test
    void refusesToWriteAPayloadThatBreaksItsSchema() {
        BackupVerified verified = Samples.message(BackupVerified.class);
        BackupVerified badChecksum = new BackupVerified(verified.commandId(), verified.targetId(), verified.backupId(),
                "not-a-sha", verified.checkedBytes(), verified.verifiedAt());

        assertThatThrownBy(() -> codec.encode(Envelope.of(SOURCE, badChecksum)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "refusing to write io.lifeboat.backup.verified.v1 for target 'sessions-cache': $.sha256:");
    }

    private static Headers binaryHeaders() {
        return headers("ce_specversion", "1.0", "ce_id", "evt-1", "ce_source", "urn:lifeboat:scheduler-service",
                "ce_type", "io.lifeboat.backup.run.v1", "ce_subject", "orders-db", "ce_time", "2026-11-21T02:00:00Z",
                "content-type", "application/json");
    }

    private static Headers headers(String... namesAndValues) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], bytes(namesAndValues[i + 1]));
        }
        return headers;
    }

    private static ConsumerRecord<String, byte[]> record(Headers headers, byte[] value) {
        return Samples.consumed(TOPIC, "orders-db", value, headers, 42);
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
