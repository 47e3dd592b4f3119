package io.lifeboat.dr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.dr.DrillCompleted;

class DrillVerdictTest {

    private static final Duration RTO = Duration.ofMinutes(60);
    private static final Instant STARTED = Instant.parse("2027-03-01T03:00:00Z");
    private static final Instant NEWEST_BACKUP = Instant.parse("2027-03-01T02:48:00Z");
    private static final List<DataCheck> GOOD = List.of(new DataCheck("tables", true, "12 tables"),
            new DataCheck("rows", true, "users 1042"));

    @Test
    void passesWhenTheRestoreTakesExactlyOnePointTwoTimesTheRto() {
        DrillVerdict verdict = DrillVerdict.judge(Duration.ofMinutes(72), RTO, GOOD, NEWEST_BACKUP, STARTED);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.failure()).isNull();
        assertThat(verdict.measuredRpo()).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void failsWithRtoExceededWhenTheRestoreTakesOneSecondMoreThanOnePointTwoTimesTheRto() {
        DrillVerdict verdict = DrillVerdict.judge(Duration.ofMinutes(72).plusSeconds(1), RTO, GOOD, NEWEST_BACKUP,
                STARTED);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo(DrillVerdict.RTO_EXCEEDED);
        assertThat(verdict.reason()).startsWith("rto_exceeded").contains("PT1H12M1S", "limit PT1H12M");
    }

    @Test
    void failsWhenADataCheckFailsEvenWithinTheRto() {
        List<DataCheck> checks = List.of(new DataCheck("tables", true, "12 tables"),
                new DataCheck("rows", false, "users 0, at least 1 expected"));

        DrillVerdict verdict = DrillVerdict.judge(Duration.ofMinutes(10), RTO, checks, NEWEST_BACKUP, STARTED);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failure()).isEqualTo(DrillVerdict.DATA_CHECK_FAILED);
        assertThat(verdict.reason()).contains("rows (users 0, at least 1 expected)").doesNotContain("tables (");
    }

    @Test
    void carriesTheReasonIntoTheDrillCompletedFactOfAFailedDrill() {
        DrillVerdict verdict = DrillVerdict.judge(Duration.ofMinutes(90), RTO, GOOD, NEWEST_BACKUP, STARTED);

        DrillCompleted fact = verdict.toFact("cmd-1", "orders-db", "bk-7", STARTED, STARTED.plusSeconds(5400),
                STARTED.minusSeconds(3600));

        assertThat(fact.passed()).isFalse();
        assertThat(fact.failureReason()).isEqualTo(verdict.reason());
        assertThat(fact.restoreTime()).isEqualTo(Duration.ofMinutes(90));
        assertThat(fact.measuredRpo()).isEqualTo(Duration.between(NEWEST_BACKUP, STARTED));
        assertThat(fact.restoredTo()).isEqualTo(STARTED.minusSeconds(3600));
    }
}
