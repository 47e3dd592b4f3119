package io.lifeboat.catalog.domain.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.policy.StorageTier;

class StorageTiersTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:30:00Z");
    private static final StorageTier HOT = new StorageTier("hot", 0, "STANDARD");
    private static final StorageTier WARM = new StorageTier("warm", 7, "STANDARD_IA");
    private static final StorageTier COLD = new StorageTier("cold", 30, "GLACIER");

    // Deliberately out of order: the policy promises ascending afterDays, the decision must not rely on it.
    private static final List<StorageTier> WARM_AND_COLD = List.of(COLD, WARM);

    @Test
    void isEmptyBeforeTheFirstTiersAge() {
        assertThat(StorageTiers.due(WARM_AND_COLD, NOW.minus(Duration.ofDays(3)), NOW)).isEmpty();
    }

    @Test
    void countsOnlyWholeDaysSoOneMinuteShortOfTheBoundaryStaysBefore() {
        Instant writtenAt = NOW.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(1));

        assertThat(StorageTiers.due(WARM_AND_COLD, writtenAt, NOW)).isEmpty();
    }

    @Test
    void picksTheTierWhoseAgeIsReachedExactlyOnTheBoundary() {
        assertThat(StorageTiers.due(WARM_AND_COLD, NOW.minus(Duration.ofDays(7)), NOW)).contains(WARM);
        assertThat(StorageTiers.due(WARM_AND_COLD, NOW.minus(Duration.ofDays(30)), NOW)).contains(COLD);
    }

    @Test
    void staysInTheLastTierPastItsAge() {
        assertThat(StorageTiers.due(WARM_AND_COLD, NOW.minus(Duration.ofDays(400)), NOW)).contains(COLD);
    }

    @Test
    void picksTheLargestReachedAgeBetweenTiers() {
        assertThat(StorageTiers.due(List.of(COLD, HOT, WARM), NOW.minus(Duration.ofDays(12)), NOW)).contains(WARM);
    }

    @Test
    void isEmptyWithoutTiers() {
        assertThat(StorageTiers.due(List.of(), NOW.minus(Duration.ofDays(400)), NOW)).isEmpty();
    }

    @Test
    void isEmptyWhenTheWriteInstantIsUnknown() {
        assertThat(StorageTiers.due(List.of(HOT, COLD), null, NOW)).isEmpty();
    }

    @Test
    void putsAnArtifactDatedAfterNowInTheFirstTierRatherThanNone() {
        assertThat(StorageTiers.due(List.of(HOT, COLD), NOW.plus(Duration.ofHours(2)), NOW)).contains(HOT);
    }
}
