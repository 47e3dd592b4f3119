package io.lifeboat.cli.chaos.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.EngineCommand;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.InvalidEventException;

class MalformedRecordsTest {

    private final EventCodec codec = new EventCodec();
    private final MalformedRecords records = new MalformedRecords(new Random(7),
            Instant.parse("2026-11-22T12:00:00Z"));

    @Test
    void everyMalformationTheCodecChecksIsRejectedByItOnEveryTopic() {
        List<String> checked = new ArrayList<>();
        for (FuzzTemplate template : FuzzTargets.all()) {
            for (FuzzKind kind : MalformedRecords.kindsFor(template)) {
                if (kind == FuzzKind.OTHER_ENGINE || kind == FuzzKind.KEY_NOT_TARGET) {
                    continue;
                }
                FuzzRecord record = records.malformed(template, kind, "r-" + checked.size());
                assertThatThrownBy(() -> decode(record)).as("%s on %s", kind, template.topic())
                        .isInstanceOf(InvalidEventException.class);
                checked.add(kind + "@" + template.topic());
            }
        }
        assertThat(checked).contains("HUGE_HEADER@lifeboat.commands.postgres", "NULL_VALUE@lifeboat.dr.commands",
                "BAD_ENUM@lifeboat.dr.runs", "DUPLICATED_CE_TYPE@lifeboat.policies");
    }

    @Test
    void aCommandForAnotherEngineDecodesButNamesAnotherEngine() {
        for (FuzzTemplate template : FuzzTargets.all()) {
            if (template.agentEngine() == null) {
                continue;
            }
            Envelope<?> decoded = decode(records.malformed(template, FuzzKind.OTHER_ENGINE, "other"));
            assertThat(((EngineCommand) decoded.payload()).engine()).isNotEqualTo(template.agentEngine());
        }
    }

    @Test
    void aFactKeyedByAnotherIdDecodesWithATargetOtherThanItsKey() {
        FuzzTemplate health = template("lifeboat.health");
        FuzzRecord record = records.malformed(health, FuzzKind.KEY_NOT_TARGET, "k-1");
        assertThat(decode(record).payload().targetId()).isNotEqualTo(record.key());
        assertThat(record.key()).isEqualTo("k-1");
    }

    @Test
    void validRecordsDecodeOnEveryTopic() {
        for (FuzzTemplate template : FuzzTargets.all()) {
            FuzzRecord record = records.valid(template, template.copyOfBody(), "v");
            assertThat(decode(record).payload().targetId()).as(template.topic()).isEqualTo(record.key());
        }
        FuzzTemplate pg = FuzzTargets.commands(io.lifeboat.events.Engine.POSTGRES);
        assertThat(decode(records.valid(pg, FuzzTargets.runBackup(pg, "c-1"), "v")).payload().key())
                .isEqualTo("demo-pg");
        FuzzTemplate facts = template("lifeboat.backup.events");
        assertThat(decode(records.valid(facts, FuzzTargets.backupCompleted(facts, "b-1", "c-1"), "v")).id())
                .isEqualTo("fuzz-v");
    }

    @Test
    void largeRecordsAreAsLargeAsTheirKindSaysAndStayUnderTheBrokersMaximum() {
        FuzzTemplate pg = FuzzTargets.commands(io.lifeboat.events.Engine.POSTGRES);
        assertThat(records.malformed(pg, FuzzKind.HUGE_FIELD, "h").value().length).isBetween(400_000, 1_000_000);
        FuzzRecord header = records.malformed(pg, FuzzKind.HUGE_HEADER, "h");
        assertThat(header.headers().stream().mapToInt(h -> h.value().length).max().orElseThrow())
                .isGreaterThan(MalformedRecords.HUGE_BYTES);
        FuzzRecord near = records.malformed(pg, FuzzKind.NEAR_MAX_SIZE, "n");
        int size = near.key().length() + near.value().length
                + near.headers().stream().mapToInt(h -> h.key().length() + h.value().length).sum();
        assertThat(size).isEqualTo(MalformedRecords.BROKER_MAX_MESSAGE_BYTES - MalformedRecords.NEAR_MAX_SLACK);
    }

    @Test
    void recordsWithoutHeadersCarryTheirIdInTheKeyAndAllOthersInAHeader() {
        FuzzTemplate pg = FuzzTargets.commands(io.lifeboat.events.Engine.POSTGRES);
        assertThat(records.malformed(pg, FuzzKind.NO_HEADERS, "id-1").key()).isEqualTo("id-1");
        assertThat(records.malformed(pg, FuzzKind.MISSING_CE_ID, "id-2").headers())
                .anyMatch(h -> h.key().equals(FuzzRecord.CHAOS_ID) && new String(h.value()).equals("id-2"));
    }

    private static FuzzTemplate template(String topic) {
        return FuzzTargets.all().stream().filter(t -> t.topic().equals(topic)).findFirst().orElseThrow();
    }

    private Envelope<?> decode(FuzzRecord record) {
        return codec.decode(record.topic(),
                new RecordHeaders(record.headers().toArray(new org.apache.kafka.common.header.Header[0])),
                record.value());
    }
}
