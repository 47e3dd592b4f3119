package io.lifeboat.agent.pg.wal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalSlotsTest {

    @Test
    void defaultSlotNameIsLowerCaseWithEveryOtherCharacterReplaced() {
        assertThat(WalSlots.defaultName("Orders-DB.eu")).isEqualTo("lifeboat_orders_db_eu");
    }

    @Test
    void defaultSlotNameIsCutToPostgresIdentifierLength() {
        assertThat(WalSlots.defaultName("x".repeat(100))).hasSize(63).startsWith("lifeboat_xxx");
    }
}
