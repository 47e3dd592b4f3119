package io.lifeboat.dr.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    @Test
    void takesTheMiddleRunAsMedianOfAnOddCountAndTheLongestAsMax() {
        BenchSummary summary = BenchSummary.of(List.of(run(1, 3_000, 0), run(2, 9_000, 2), run(3, 2_000, 5)));

        assertThat(summary).isEqualTo(new BenchSummary(3, Duration.ofMillis(3_000), Duration.ofMillis(9_000), 5));
    }

    @Test
    void averagesTheTwoMiddleRunsAsMedianOfAnEvenCountAsThePatroniSideDoes() {
        BenchSummary summary = BenchSummary.of(List.of(run(1, 4_000, 0), run(2, 1_000, 0), run(3, 3_000, 0),
                run(4, 2_000, 0)));

        assertThat(summary.p50()).isEqualTo(Duration.ofMillis(2_500));
    }

    @Test
    void printsTheResultLineWithSecondsAndTheWorstLoss() {
        BenchSummary summary = new BenchSummary(10, Duration.ofMillis(3_456), Duration.ofMillis(4_001), 3);

        assertThat(summary.resultLine())
                .isEqualTo("RESULT lifeboat runs=10 monitors=1 p50_s=3.46 max_s=4.00 lost_tx_max=3");
    }

    @Test
    void refusesToSummariseNoRuns() {
        assertThatThrownBy(() -> BenchSummary.of(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one run");
    }

    @Test
    void namesTheAnnouncedRecoveryAndAnUnknownEstimateInTheRunLine() {
        RunResult result = new RunResult(2, Duration.ofMillis(2_540), 701, 3,
                new RunResult.Announced(Duration.ofMillis(1_780), null, null));

        assertThat(result.line()).isEqualTo("run 2: standby accepted writes 2.54 s after the primary node was "
                + "killed; 3 of 701 acknowledged inserts lost; FailoverCompleted: recovery 1.78 s, estimated loss "
                + "unknown bytes / unknown");
    }

    private static RunResult run(int n, long millis, int lost) {
        return new RunResult(n, Duration.ofMillis(millis), 500, lost, null);
    }
}
