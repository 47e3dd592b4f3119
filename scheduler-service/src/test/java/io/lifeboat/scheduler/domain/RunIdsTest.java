package io.lifeboat.scheduler.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RunIdsTest {

    private static final Instant SLOT = Instant.parse("2027-03-01T02:00:00Z");

    @Test
    void givesEqualIdsForTheSameTargetScheduleAndSlot() {
        assertThat(RunIds.of("target-1", "full", SLOT)).isEqualTo(RunIds.of("target-1", "full", SLOT));
    }

    @Test
    void givesDifferentIdsWhenTargetScheduleOrSlotDiffers() {
        String id = RunIds.of("target-1", "full", SLOT);

        assertThat(RunIds.of("target-2", "full", SLOT)).isNotEqualTo(id);
        assertThat(RunIds.of("target-1", "verify", SLOT)).isNotEqualTo(id);
        assertThat(RunIds.of("target-1", "full", SLOT.plusSeconds(60))).isNotEqualTo(id);
        assertThat(RunIds.of("target-1f", "ull", SLOT)).isNotEqualTo(id);
    }

    @Test
    void isANameBasedVersion3Uuid() {
        assertThat(UUID.fromString(RunIds.of("target-1", "full", SLOT)).version()).isEqualTo(3);
    }
}
