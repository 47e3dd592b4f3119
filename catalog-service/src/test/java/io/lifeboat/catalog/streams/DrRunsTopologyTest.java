package io.lifeboat.catalog.streams;

import static io.lifeboat.catalog.testing.DrFacts.failoverCompleted;
import static io.lifeboat.catalog.testing.DrFacts.failoverCompletedRun;
import static io.lifeboat.catalog.testing.DrFacts.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.dr.DrRun;
import io.lifeboat.events.Topics;
import io.lifeboat.events.deadletter.DeadLetterHeaders;

class DrRunsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void keepsARunWithItsOutcomeAndStillNotesTheOutcomeOnTheTarget() {
        try (CatalogDriver driver = new CatalogDriver(T0)) {
            driver.send(failoverCompletedRun("orders-db", "failover-c1", T0.minusSeconds(5)));
            driver.send(failoverCompleted("orders-db", "failover-c1", T0.minusSeconds(5)));

            DrRun run = driver.drRun("orders-db", "failover-c1");

            assertThat(run.status()).isEqualTo("COMPLETED");
            assertThat(run.run().steps()).hasSize(3);
            assertThat(run.failover().newPrimary()).isEqualTo("pg-b");
            assertThat(driver.target("orders-db").getNotes()).extracting(note -> note.kind())
                    .contains("FailoverCompleted");
        }
    }

    @Test
    void keepsARecoveryGroupsRunWithoutMakingTheGroupATarget() {
        try (CatalogDriver driver = new CatalogDriver(T0)) {
            driver.send(run("shop-group", "recovery-c1", "COMPLETE_FAILURE", "RUNNING", List.of(), List.of(), T0,
                    T0, null, null));

            assertThat(driver.drRun("shop-group", "recovery-c1").status()).isEqualTo("RUNNING");
            assertThat(driver.target("shop-group")).isNull();
        }
    }

    @Test
    void deadLettersARunStateItCannotDecodeAndGoesOn() {
        try (CatalogDriver driver = new CatalogDriver(T0)) {
            byte[] garbage = "{not a run".getBytes(StandardCharsets.UTF_8);
            driver.sendRaw(Topics.DR_RUNS.name(), "orders-db", garbage, new RecordHeaders());
            driver.send(failoverCompletedRun("orders-db", "failover-c1", T0));

            var dead = driver.raw(Topics.DEADLETTER.name());

            assertThat(dead).hasSize(1);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(CatalogDriver.header(dead.get(0), DeadLetterHeaders.TOPIC)).isEqualTo(Topics.DR_RUNS.name());
            assertThat(driver.drRun("orders-db", "failover-c1")).isNotNull();
        }
    }

    @Test
    void dropsARunThatEndedMoreThanThirtyDaysAgoOnTheRetentionSweep() {
        try (CatalogDriver driver = new CatalogDriver(T0)) {
            driver.send(failoverCompletedRun("orders-db", "failover-old", T0.minus(Duration.ofDays(31))));
            driver.send(failoverCompletedRun("orders-db", "failover-new", T0.minus(Duration.ofDays(1))));

            driver.advance(Duration.ofSeconds(1));

            assertThat(driver.drRun("orders-db", "failover-old")).isNull();
            assertThat(driver.drRun("orders-db", "failover-new")).isNotNull();
        }
    }
}
