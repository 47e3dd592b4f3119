package io.lifeboat.cli.chaos.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class FuzzPlanTest {

    private final FuzzPlan plan = FuzzPlan.build(42, Instant.EPOCH, 900, 3, 20);

    @Test
    void sendsTheAskedNumbersOfMalformedAndValidRecordsEachWithItsOwnId() {
        assertThat(plan.malformed()).hasSize(900);
        assertThat(plan.valid()).hasSize(4 * 3 + 20);
        Set<String> ids = plan.records().stream().map(FuzzRecord::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(plan.records().size());
    }

    @Test
    void coversEveryConsumedTopicWithEveryKindThatAppliesAndFewLargeRecords() {
        for (FuzzTemplate template : FuzzTargets.all()) {
            List<FuzzRecord> ofTopic = plan.malformed().stream().filter(r -> r.topic().equals(template.topic()))
                    .toList();
            assertThat(ofTopic).as(template.topic()).hasSize(75);
            assertThat(ofTopic.stream().map(FuzzRecord::kind).collect(Collectors.toSet())).as(template.topic())
                    .containsExactlyInAnyOrderElementsOf(MalformedRecords.kindsFor(template));
            assertThat(ofTopic.stream().filter(r -> r.kind() == FuzzKind.HUGE_FIELD)).hasSize(FuzzPlan.LARGE_PER_TOPIC);
        }
    }

    @Test
    void theLastRecordsOfEachTopicWithValidRecordsAreValid() {
        for (String topic : List.of("lifeboat.commands.postgres", "lifeboat.backup.events")) {
            List<FuzzRecord> ofTopic = plan.records().stream().filter(r -> r.topic().equals(topic)).toList();
            assertThat(ofTopic.subList(ofTopic.size() - FuzzPlan.VALID_LAST, ofTopic.size()))
                    .allMatch(r -> !r.malformed());
            assertThat(ofTopic.subList(0, ofTopic.size() - FuzzPlan.VALID_LAST)).anyMatch(r -> !r.malformed());
        }
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        FuzzPlan again = FuzzPlan.build(42, Instant.EPOCH, 900, 3, 20);
        assertThat(again.records().stream().map(r -> r.id() + r.kind() + r.topic()).toList())
                .isEqualTo(plan.records().stream().map(r -> r.id() + r.kind() + r.topic()).toList());
    }
}
