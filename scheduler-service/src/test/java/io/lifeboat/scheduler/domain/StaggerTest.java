package io.lifeboat.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StaggerTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final List<String> TARGETS = IntStream.range(0, 100).mapToObj(i -> "target-" + i).toList();

    private static List<Duration> offsets() {
        return TARGETS.stream().map(t -> Stagger.offset(t, "full:0 2 * * *", WINDOW)).toList();
    }

    @Test
    void keepsEveryOffsetInsideTheWindow() {
        assertThat(offsets()).allSatisfy(offset -> {
            assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO);
            assertThat(offset).isLessThan(WINDOW);
        });
    }

    @Test
    void returnsTheSameOffsetOnEveryCall() {
        assertThat(offsets()).isEqualTo(offsets());
    }

    @Test
    void spreadsOneHundredTargetsOverEveryMinuteOfTheWindow() {
        Map<Long, Long> perMinute = offsets().stream()
                .collect(Collectors.groupingBy(Duration::toMinutes, Collectors.counting()));

        assertThat(perMinute).containsOnlyKeys(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(perMinute.values()).allSatisfy(count -> assertThat(count).isBetween(1L, 25L));
    }

    @Test
    void givesTheSameTargetDifferentOffsetsForDifferentSchedules() {
        assertThat(Stagger.offset("target-1", "full", WINDOW)).isNotEqualTo(Stagger.offset("target-1", "verify",
                WINDOW));
        assertThat(Stagger.offset("ab", "c", WINDOW)).isNotEqualTo(Stagger.offset("a", "bc", WINDOW));
    }

    @Test
    void doesNotStaggerInAnEmptyWindowAndRejectsANegativeOne() {
        assertThat(Stagger.offset("target-1", "full", Duration.ZERO)).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> Stagger.offset("target-1", "full", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    }
}
