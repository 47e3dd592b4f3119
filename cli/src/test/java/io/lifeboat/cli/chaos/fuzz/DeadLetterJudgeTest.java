package io.lifeboat.cli.chaos.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;

class DeadLetterJudgeTest {

    private final MalformedRecords records = new MalformedRecords(new Random(1), Instant.EPOCH);
    private final DeadLetterJudge judge = new DeadLetterJudge();
    private final FuzzTemplate pg = FuzzTargets.commands(Engine.POSTGRES);
    private final FuzzTemplate backupEvents = FuzzTargets.all().stream()
            .filter(t -> t.topic().equals("lifeboat.backup.events")).findFirst().orElseThrow();

    @Test
    void aRecordOfATopicWithTwoReadersIsDeadLetteredOnlyWhenBothDeadLetteredIt() {
        judge.sent(records.malformed(backupEvents, FuzzKind.EMPTY_VALUE, "e1"));
        judge.deadLettered("e1", FuzzTargets.CATALOG_GROUP, "body is empty");

        assertThat(judge.complete()).isFalse();
        assertThat(judge.verdict().deadLettered()).isZero();
        assertThat(judge.verdict().findings()).containsExactly(
                "1 EMPTY_VALUE records on lifeboat.backup.events were not dead-lettered with a reason by "
                        + "[lifeboat-scheduler], e.g. e1");

        judge.deadLettered("e1", FuzzTargets.SCHEDULER_GROUP, "body is empty");

        assertThat(judge.complete()).isTrue();
        assertThat(judge.verdict().deadLettered()).isEqualTo(1);
        assertThat(judge.verdict().byKind().get("EMPTY_VALUE")).containsExactly(1, 1);
        assertThat(judge.verdict().reasons().get("EMPTY_VALUE")).containsExactly("body is empty");
    }

    @Test
    void countsADeadLetterWithoutReasonAsMissingAndASecondOneAsDuplicated() {
        judge.sent(records.malformed(pg, FuzzKind.BAD_ENUM, "b1"));
        judge.sent(records.malformed(pg, FuzzKind.MISSING_CE_ID, "m1"));
        judge.deadLettered("b1", "lifeboat-pg-agent", "");
        judge.deadLettered("m1", "lifeboat-pg-agent", "missing header ce_id");
        judge.deadLettered("m1", "lifeboat-pg-agent", "missing header ce_id");

        DeadLetterJudge.Verdict verdict = judge.verdict();

        assertThat(verdict.malformed()).isEqualTo(2);
        assertThat(verdict.deadLettered()).isEqualTo(1);
        assertThat(verdict.duplicated()).isEqualTo(1);
        assertThat(verdict.byTopic().get("lifeboat.commands.postgres")).containsExactly(2, 1);
        assertThat(verdict.findings()).containsExactly(
                "1 BAD_ENUM records on lifeboat.commands.postgres were not dead-lettered with a reason by "
                        + "[lifeboat-pg-agent], e.g. b1",
                "1 MISSING_CE_ID records on lifeboat.commands.postgres were dead-lettered more than once by "
                        + "lifeboat-pg-agent, e.g. m1");
    }

    @Test
    void aValidRecordOnTheDeadLetterTopicAndAnUnknownDeadLetterAreFindings() {
        judge.sent(records.valid(pg, FuzzTargets.runBackup(pg, "c1"), "v1"));
        judge.deadLettered("v1", "lifeboat-pg-agent", "refused");
        judge.deadLettered(null, "lifeboat-catalog", "body is empty");

        DeadLetterJudge.Verdict verdict = judge.verdict();

        assertThat(verdict.malformed()).isZero();
        assertThat(verdict.findings()).containsExactly(
                "1 valid io.lifeboat.backup.run.v1 records on lifeboat.commands.postgres were dead-lettered by "
                        + "[lifeboat-pg-agent], e.g. v1: refused",
                "1 dead letters match no record sent, e.g. lifeboat-catalog: body is empty");
    }
}
