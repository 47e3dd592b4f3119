package io.lifeboat.agent.pg.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.lifeboat.agent.pg.config.PgConfig;

class CdcNamesTest {

    @Test
    void derivesSlotPublicationAndTopicFromTheTargetId() {
        PgConfig.ChangeCapture defaults = capture(Optional.empty(), Optional.empty());

        assertThat(CdcNames.slot("Orders-EU.1", defaults)).isEqualTo("lifeboat_cdc_orders_eu_1");
        assertThat(CdcNames.publication("Orders-EU.1", defaults)).isEqualTo("lifeboat_orders_eu_1");
        assertThat(CdcNames.topic("Orders-EU.1")).isEqualTo("lifeboat.changes.Orders-EU.1");
        assertThat(CdcNames.slot("x".repeat(100), defaults)).hasSize(63);
        assertThat(CdcNames.topicPrefix("a b/c")).isEqualTo("lifeboat.a_b_c");
    }

    @Test
    void usesConfiguredNamesAndPutsUnqualifiedTablesInPublic() {
        PgConfig.ChangeCapture configured = capture(Optional.of("my_slot"),
                Optional.of(List.of("items", " sales.orders ", "")));

        assertThat(CdcNames.slot("orders", configured)).isEqualTo("my_slot");
        assertThat(CdcNames.tables(configured)).containsExactly("public.items", "sales.orders");
        assertThat(CdcNames.quotedTable("sales.my\"orders")).isEqualTo("\"sales\".\"my\"\"orders\"");
    }

    private static PgConfig.ChangeCapture capture(Optional<String> slot, Optional<List<String>> tables) {
        return new PgConfig.ChangeCapture() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public boolean changeFeed() {
                return false;
            }

            @Override
            public Optional<String> slot() {
                return slot;
            }

            @Override
            public Optional<String> publication() {
                return Optional.empty();
            }

            @Override
            public Optional<List<String>> tables() {
                return tables;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofMillis(10);
            }
        };
    }
}
