package io.lifeboat.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChaosTallyTest {

    @Test
    void sumsTheFiguresAndNamesTheScenarioOfEachFinding() {
        ChaosTally agents = new ChaosTally("agents", 0, 1, 0, 0, 0, 0, 20, 20, List.of("command c1 completed twice"));
        ChaosTally fuzz = new ChaosTally("fuzz", 0, 0, 0, 0, 9000, 9000, 1000, 1000, List.of());

        ChaosTally all = ChaosTally.sum(List.of(agents, fuzz));

        assertThat(all.resultLine()).isEqualTo("RESULT chaos lost=0 duplicated=1 stuck=0 consumer_crashes=0 "
                + "deadlettered=9000 valid_completed=1020 malformed=9000 valid=1020");
        assertThat(all.findings()).containsExactly("agents: command c1 completed twice");
        assertThat(all.meetsGoal()).isFalse();
    }

    @Test
    void theGoalNeedsEveryMalformedRecordDeadletteredAndEveryValidOneCompleted() {
        assertThat(new ChaosTally("x", 0, 0, 0, 0, 10, 10, 5, 5, List.of()).meetsGoal()).isTrue();
        assertThat(new ChaosTally("x", 0, 0, 0, 0, 10, 9, 5, 5, List.of()).meetsGoal()).isFalse();
        assertThat(new ChaosTally("x", 0, 0, 0, 0, 10, 10, 5, 4, List.of()).meetsGoal()).isFalse();
        assertThat(new ChaosTally("x", 0, 0, 0, 1, 10, 10, 5, 5, List.of()).meetsGoal()).isFalse();
        assertThat(new ChaosTally("x", 1, 0, 0, 0, 10, 10, 5, 5, List.of()).meetsGoal()).isFalse();
        assertThat(new ChaosTally("x", 0, 0, 1, 0, 10, 10, 5, 5, List.of()).meetsGoal()).isFalse();
    }
}
