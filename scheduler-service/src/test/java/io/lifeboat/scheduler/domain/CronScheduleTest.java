package io.lifeboat.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void firesOnceAtTheEndOfTheGapWhenTheLocalTimeIsSkippedBySpringForward() {
        CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);

        assertThat(daily.between(Instant.parse("2026-03-27T12:00:00Z"), Instant.parse("2026-03-31T12:00:00Z"), 10))
                .containsExactly(
                        Instant.parse("2026-03-28T01:30:00Z"), // 02:30 CET
                        Instant.parse("2026-03-29T01:00:00Z"), // 02:30 does not exist: 03:00 CEST
                        Instant.parse("2026-03-30T00:30:00Z"), // 02:30 CEST
                        Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void collapsesEveryMatchInsideTheGapIntoOneRunAtItsEnd() {
        CronSchedule quarterly = CronSchedule.parse("*/15 * * * *", BERLIN);

        assertThat(quarterly.between(Instant.parse("2026-03-29T00:40:00Z"), Instant.parse("2026-03-29T01:20:00Z"),
                10)).containsExactly(
                        Instant.parse("2026-03-29T00:45:00Z"), // 01:45 CET
                        Instant.parse("2026-03-29T01:00:00Z"), // 02:00-02:45 and 03:00 CEST in one
                        Instant.parse("2026-03-29T01:15:00Z"));
    }

    @Test
    void firesOnlyTheFirstOccurrenceWhenTheLocalTimeRepeatsAtFallBack() {
        CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);

        assertThat(daily.between(Instant.parse("2026-10-23T12:00:00Z"), Instant.parse("2026-10-27T12:00:00Z"), 10))
                .containsExactly(
                        Instant.parse("2026-10-24T00:30:00Z"),
                        Instant.parse("2026-10-25T00:30:00Z"), // 02:30 CEST; 02:30 CET (01:30Z) does not fire
                        Instant.parse("2026-10-26T01:30:00Z"),
                        Instant.parse("2026-10-27T01:30:00Z"));
    }

    @Test
    void findsNoRunInsideTheRepeatedHourWhenAskedFromItsSecondOccurrence() {
        CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);
        Instant secondOccurrenceOfTwoTwenty = Instant.parse("2026-10-25T01:20:00Z");

        assertThat(daily.next(secondOccurrenceOfTwoTwenty)).contains(Instant.parse("2026-10-26T01:30:00Z"));
        assertThat(daily.previous(secondOccurrenceOfTwoTwenty)).contains(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(daily.previous(Instant.parse("2026-10-25T01:45:00Z")))
                .contains(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void walksBackOverDaylightSavingTheSameWayItWalksForward() {
        CronSchedule daily = CronSchedule.parse("30 2 * * *", BERLIN);

        assertThat(daily.previous(Instant.parse("2026-03-29T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(daily.previous(Instant.parse("2026-03-29T01:00:00Z")))
                .contains(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(daily.previous(Instant.parse("2026-03-29T00:59:59Z")))
                .contains(Instant.parse("2026-03-28T01:30:00Z"));
        assertThat(daily.previous(Instant.parse("2026-10-26T00:00:00Z")))
                .contains(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void nextIsStrictlyAfterAndPreviousIncludesTheGivenInstant() {
        CronSchedule daily = CronSchedule.parse("0 2 * * *", null);
        Instant two = Instant.parse("2026-05-01T02:00:00Z");

        assertThat(daily.next(two)).contains(Instant.parse("2026-05-02T02:00:00Z"));
        assertThat(daily.previous(two)).contains(two);
        assertThat(daily.previous(two.minusNanos(1))).contains(Instant.parse("2026-04-30T02:00:00Z"));
        assertThat(daily.zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void firesOnTheLastDayOfEveryMonthWithQuartzL() {
        CronSchedule lastDay = CronSchedule.parse("0 0 2 L * ?", ZoneOffset.UTC);

        assertThat(lastDay.between(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-04-30T23:59:59Z"), 10))
                .containsExactly(
                        Instant.parse("2027-01-31T02:00:00Z"),
                        Instant.parse("2027-02-28T02:00:00Z"),
                        Instant.parse("2027-03-31T02:00:00Z"),
                        Instant.parse("2027-04-30T02:00:00Z"));
    }

    @Test
    void skipsMonthsWithoutADay31ForUnixDayOfMonth31() {
        CronSchedule thirtyFirst = CronSchedule.parse("0 2 31 * *", ZoneOffset.UTC);

        assertThat(thirtyFirst.between(Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-08-31T23:59:59Z"),
                10)).containsExactly(
                        Instant.parse("2027-01-31T02:00:00Z"),
                        Instant.parse("2027-03-31T02:00:00Z"),
                        Instant.parse("2027-05-31T02:00:00Z"),
                        Instant.parse("2027-07-31T02:00:00Z"),
                        Instant.parse("2027-08-31T02:00:00Z"));
    }

    @Test
    void waitsForTheNextLeapYearForFebruary29() {
        CronSchedule leapDay = CronSchedule.parse("0 0 29 2 *", ZoneOffset.UTC);

        assertThat(leapDay.next(Instant.parse("2026-01-01T00:00:00Z"))).contains(Instant.parse("2028-02-29T00:00:00Z"));
        assertThat(leapDay.previous(Instant.parse("2027-12-31T00:00:00Z")))
                .contains(Instant.parse("2024-02-29T00:00:00Z"));
    }

    @Test
    void findsWholeSecondSlotsFromAStartWithAFractionOfASecond() {
        CronSchedule everySecond = CronSchedule.parse("* * * * * ?");
        Instant start = Instant.parse("2026-11-22T12:50:42.977Z");

        assertThat(everySecond.next(start)).contains(Instant.parse("2026-11-22T12:50:43Z"));
        assertThat(everySecond.between(start, Instant.parse("2026-11-22T12:50:45Z"), 10)).containsExactly(
                Instant.parse("2026-11-22T12:50:43Z"), Instant.parse("2026-11-22T12:50:44Z"),
                Instant.parse("2026-11-22T12:50:45Z"));
        assertThat(CronSchedule.parse("* * * * *").next(start)).contains(Instant.parse("2026-11-22T12:51:00Z"));
    }

    @Test
    void choosesUnixForFiveFieldsAndQuartzForSixOrSeven() {
        assertThat(CronSchedule.parse("0 2 * * *", null).syntax()).isEqualTo(CronSyntax.UNIX);
        assertThat(CronSchedule.parse("0 0 2 * * ?", null).syntax()).isEqualTo(CronSyntax.QUARTZ);
        assertThat(CronSchedule.parse("0 0 2 ? * MON#1 2027", null).syntax()).isEqualTo(CronSyntax.QUARTZ);
    }

    @Test
    void readsTheFirstFieldAsMinutesInUnixAndSecondsInQuartz() {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");

        assertThat(CronSchedule.parse("30 * * * *", null).next(start)).contains(Instant.parse("2027-01-01T00:30:00Z"));
        assertThat(CronSchedule.parse("30 * * * * ?", null).next(start))
                .contains(Instant.parse("2027-01-01T00:00:30Z"));
        assertThat(CronSchedule.parse("0 0 2 ? * MON#1 2027", null).next(start))
                .contains(Instant.parse("2027-01-04T02:00:00Z"));
        assertThat(CronSchedule.parse("0 0 2 15W * ?", null).next(Instant.parse("2027-05-01T00:00:00Z")))
                .contains(Instant.parse("2027-05-14T02:00:00Z")); // 15 May 2027 is a Saturday
    }

    @Test
    void neverFiresAgainAfterTheLastYearOfAQuartzExpression() {
        CronSchedule once = CronSchedule.parse("0 0 2 1 1 ? 2027", null);

        assertThat(once.next(Instant.parse("2027-01-01T02:00:00Z"))).isEmpty();
        assertThat(once.previous(Instant.parse("2026-12-31T00:00:00Z"))).isEmpty();
    }

    @Test
    void rejectsAnInvalidExpressionNamingItAndTheReason() {
        assertThatThrownBy(() -> CronSchedule.parse("61 * * * *", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid cron '61 * * * *': ")
                .hasMessageContaining("61");
        assertThatThrownBy(() -> CronSchedule.parse("0 2 L * *", null))
                .hasMessageStartingWith("invalid cron '0 2 L * *': ");
        assertThatThrownBy(() -> CronSchedule.parse("0 0 2 * * *", null))
                .hasMessageStartingWith("invalid cron '0 0 2 * * *': ");
        assertThatThrownBy(() -> CronSchedule.parse("* * * *", null))
                .hasMessage("invalid cron '* * * *': has 4 fields, expected 5 (Unix) or 6-7 (Quartz)");
        assertThatThrownBy(() -> CronSchedule.parse(" ", null)).hasMessage("invalid cron ' ': expression is blank");
    }
}
