package io.lifeboat.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.policy.MisfireHandling;
import io.lifeboat.events.policy.Scheduling;

class MisfiresTest {

    private static final CronSchedule EVERY_15_MINUTES = CronSchedule.parse("*/15 * * * *", ZoneOffset.UTC);
    // The last run before a three-hour outage, and the first look after it: 12 times missed, 10:15 to 13:00.
    private static final Instant LAST_FIRED = Instant.parse("2027-03-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2027-03-01T13:05:00Z");

    @Test
    void missesTwelveTimesDuringAThreeHourOutage() {
        assertThat(EVERY_15_MINUTES.between(LAST_FIRED, NOW, 100)).hasSize(12)
                .startsWith(Instant.parse("2027-03-01T10:15:00Z"))
                .endsWith(Instant.parse("2027-03-01T13:00:00Z"));
    }

    @Test
    void firesOnceAtTheNewestMissedTimeAfterAnOutageUnderFireOnce() {
        assertThat(Misfires.due(EVERY_15_MINUTES, LAST_FIRED, NOW, MisfireHandling.FIRE_ONCE, 5))
                .containsExactly(Instant.parse("2027-03-01T13:00:00Z"));
    }

    @Test
    void firesNothingAfterAnOutageUnderSkip() {
        assertThat(Misfires.due(EVERY_15_MINUTES, LAST_FIRED, NOW, MisfireHandling.SKIP, 5)).isEmpty();
    }

    @Test
    void firesTheFiveNewestOfTwelveMissedTimesUnderFireAllWithCapFive() {
        assertThat(Misfires.due(EVERY_15_MINUTES, LAST_FIRED, NOW, MisfireHandling.FIRE_ALL, 5)).containsExactly(
                Instant.parse("2027-03-01T12:00:00Z"),
                Instant.parse("2027-03-01T12:15:00Z"),
                Instant.parse("2027-03-01T12:30:00Z"),
                Instant.parse("2027-03-01T12:45:00Z"),
                Instant.parse("2027-03-01T13:00:00Z"));
    }

    @Test
    void firesEveryMissedTimeUnderFireAllWhenTheCapIsLarger() {
        assertThat(Misfires.due(EVERY_15_MINUTES, LAST_FIRED, NOW, MisfireHandling.FIRE_ALL, 50))
                .isEqualTo(EVERY_15_MINUTES.between(LAST_FIRED, NOW, 100));
    }

    @Test
    void countsATimeScheduledExactlyAtNowAndNotOneAtLastFired() {
        Instant now = Instant.parse("2027-03-01T10:15:00Z");

        assertThat(Misfires.due(EVERY_15_MINUTES, LAST_FIRED, now, MisfireHandling.FIRE_ALL, 5)).containsExactly(now);
        assertThat(Misfires.due(EVERY_15_MINUTES, LAST_FIRED, now.minusSeconds(1), MisfireHandling.FIRE_ONCE, 5))
                .isEmpty();
    }

    @Test
    void firesNothingWhenNowIsNotAfterLastFired() {
        assertThat(Misfires.due(EVERY_15_MINUTES, NOW, NOW, MisfireHandling.FIRE_ALL, 5)).isEmpty();
        assertThat(Misfires.due(EVERY_15_MINUTES, NOW, LAST_FIRED, MisfireHandling.FIRE_ONCE, 5)).isEmpty();
    }

    @Test
    void rejectsFireAllWithoutAPositiveCap() {
        assertThatThrownBy(() -> Misfires.due(EVERY_15_MINUTES, LAST_FIRED, NOW, MisfireHandling.FIRE_ALL, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cap 0");
    }

    @Test
    void defaultsToFireOnce() {
        assertThat(new Scheduling(null, null, null, null).misfireOrDefault()).isEqualTo(MisfireHandling.FIRE_ONCE);
    }
}
