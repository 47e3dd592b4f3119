package io.lifeboat.dr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RefusedCommandsTest {

    @Test
    void tellsTheFirstRefusalOfACommandIdAndNotItsRedelivery() {
        RefusedCommands refused = new RefusedCommands(10);

        assertThat(List.of(refused.firstRefusal("c-1"), refused.firstRefusal("c-1"), refused.firstRefusal("c-2")))
                .containsExactly(true, false, true);
    }

    @Test
    void forgetsTheOldestIdOnceFullSoThatItsRedeliveryCountsAsFirstAgain() {
        RefusedCommands refused = new RefusedCommands(2);
        refused.firstRefusal("c-1");
        refused.firstRefusal("c-2");
        refused.firstRefusal("c-3");

        assertThat(refused.size()).isEqualTo(2);
        assertThat(List.of(refused.firstRefusal("c-3"), refused.firstRefusal("c-1"))).containsExactly(false, true);
    }

    @Test
    void aForgottenIdIsRefusedAsFirstAgain() {
        RefusedCommands refused = new RefusedCommands(5);
        refused.firstRefusal("c-1");

        refused.forget("c-1");

        assertThat(refused.firstRefusal("c-1")).isTrue();
    }

    @Test
    void refusesACapacityBelowOneNamingIt() {
        assertThatThrownBy(() -> new RefusedCommands(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("refused commands: capacity must be at least 1, was 0");
    }
}
