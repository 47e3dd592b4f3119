package io.lifeboat.cli.chaos.brokers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VictimChoiceTest {

    private static final List<Integer> NODES = List.of(0, 1, 2);

    @Test
    void picksTheNodeWithTheMostLeadershipsCountingControllerAndCoordinatorAsOneEach() {
        Map<String, Integer> leaders = Map.of("lifeboat.backup.events-0", 1, "lifeboat.backup.events-1", 1,
                "__transaction_state-0", 2, "lifeboat.catalog-0", 0);

        VictimChoice.Victim victim = VictimChoice.choose(NODES, leaders, 2, 2);

        assertThat(victim.node()).isEqualTo(2);
        assertThat(victim.describe()).isEqualTo("node 2, the active controller, the catalog group's coordinator, "
                + "leader of 1 watched partitions [__transaction_state-0]");
    }

    @Test
    void aTieGoesToTheLowestNodeAndLeaderlessPartitionsCountForNobody() {
        Map<String, Integer> leaders = Map.of("a-0", 1, "a-1", 2, "a-2", -1);

        VictimChoice.Victim victim = VictimChoice.choose(NODES, leaders, 0, -1);

        assertThat(victim.node()).isEqualTo(0);
        assertThat(victim.leads()).isEmpty();
        assertThat(victim.controller()).isTrue();
    }
}
