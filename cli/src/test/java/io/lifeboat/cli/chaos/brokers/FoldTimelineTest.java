package io.lifeboat.cli.chaos.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class FoldTimelineTest {

    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void theStallAcrossTheFaultCountsFromTheLastSightingBeforeIt() {
        FoldTimeline timeline = new FoldTimeline(List.of(at(0), at(1), at(2), at(9), at(10), at(13)));

        FoldTimeline.Stall stall = timeline.longestStall(at(3), at(13));

        assertThat(stall).isEqualTo(new FoldTimeline.Stall(at(2), Duration.ofSeconds(7)));
        assertThat(timeline.longestStall(at(0), at(3)).length()).isEqualTo(Duration.ofSeconds(1));
        assertThat(timeline.last()).isEqualTo(at(13));
    }

    @Test
    void nothingAfterTheStartIsAZeroStallAtTheStart() {
        FoldTimeline timeline = new FoldTimeline(List.of());

        assertThat(timeline.longestStall(at(5), at(9))).isEqualTo(new FoldTimeline.Stall(at(5), Duration.ZERO));
        assertThat(timeline.last()).isNull();
    }

    private static Instant at(int second) {
        return T.plusSeconds(second);
    }
}
