package io.lifeboat.catalog.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.domain.NoteSeverity;
import io.lifeboat.catalog.domain.TargetNote;
import io.lifeboat.catalog.domain.TargetState;
import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.Engine;
import io.lifeboat.events.archive.ArchiveFailed;
import io.lifeboat.events.archive.ArchiveFailure;
import io.lifeboat.events.backup.RestoreCompleted;
import io.lifeboat.events.backup.RestoreFailed;
import io.lifeboat.events.dr.DrillCompleted;
import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.health.TargetRecovered;

/** Health, DR, restore and archive facts reach the target's state and its feed of recent events, in order. */
class OutsideFactsTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");
    private static final String DB = "orders-db";

    private final CatalogDriver driver = new CatalogDriver(T0);

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void tracksHealthAndIgnoresARecoveryOlderThanTheOutage() {
        driver.send(new TargetBecameUnhealthy(DB, Engine.POSTGRES, "pg-1:5432", "pg_isready", "no response", 3,
                T0.minusSeconds(30), T0, "monitor-1"));
        driver.send(new TargetRecovered(DB, Engine.POSTGRES, "pg-1:5432", "pg_isready", 2, Duration.ofMinutes(1),
                T0.minusSeconds(60), "monitor-1"));

        TargetState state = driver.target(DB);
        assertThat(state.getHealth().healthy()).isFalse();
        assertThat(state.getHealth().detail()).isEqualTo("pg_isready on pg-1:5432: no response");

        driver.send(new TargetRecovered(DB, Engine.POSTGRES, "pg-1:5432", "pg_isready", 2, Duration.ofMinutes(2),
                T0.plusSeconds(120), "monitor-1"));
        assertThat(driver.target(DB).getHealth().healthy()).isTrue();
    }

    @Test
    void aKnownTargetIsHealthyFromTheMonitorsFirstGoodReportAndAReportAddsNoTarget() {
        driver.send(Facts.policy(DB, Duration.ofMinutes(5), Facts.KEEP_MUCH, T0.minusSeconds(60)));
        driver.send(report(DB, HealthStatus.SUSPECT, T0));
        assertThat(driver.target(DB).getHealth()).as("a suspect round says nothing yet").isNull();

        driver.send(report(DB, HealthStatus.HEALTHY, T0.plusSeconds(5)));
        assertThat(driver.target(DB).getHealth().healthy()).isTrue();
        assertThat(driver.target(DB).getHealth().since()).isEqualTo(T0.plusSeconds(5));

        driver.send(new TargetBecameUnhealthy(DB, Engine.POSTGRES, "pg-1:5432", "postgres", "refused", 3,
                T0.plusSeconds(10), T0.plusSeconds(20), "monitor-1"));
        driver.send(report(DB, HealthStatus.HEALTHY, T0.plusSeconds(25)));
        assertThat(driver.target(DB).getHealth().healthy()).as("only TargetRecovered ends an outage").isFalse();

        driver.send(report("db-host", HealthStatus.HEALTHY, T0));
        assertThat(driver.target("db-host")).isNull();
    }

    private static TargetHealthReported report(String target, HealthStatus status, Instant at) {
        return new TargetHealthReported(target, Engine.POSTGRES, "monitor-1", status, 0, List.of(),
                Duration.ofSeconds(5), at);
    }

    @Test
    void listsFailoversDrillsRestoresAndArchiveFailuresNewestFirstAndOnlyOnce() {
        FailoverCompleted failover = new FailoverCompleted("f-1", "pg-failover", DB, "c-1", "pg-1", "pg-2",
                Duration.ofSeconds(42), Duration.ofMinutes(15), T0, T0.plusSeconds(42));
        driver.send(failover);
        driver.send(failover);
        driver.send(new DrillCompleted("d-1", DB, "b-1", false, Duration.ofMinutes(20), Duration.ofMinutes(15),
                "row count of orders differs", T0.plusSeconds(100), T0.plusSeconds(1300)));
        driver.send(new RestoreFailed("r-1", DB, "b-1", "secret://scratch", "replay", "WAL segment missing", false,
                T0.plusSeconds(200)));
        driver.send(new ArchiveFailed(DB, Engine.POSTGRES, ArchiveFailure.STORE_UNAVAILABLE, "bucket unreachable",
                "0/3000000", null, null, 1L, true, T0.plusSeconds(300)));

        assertThat(driver.target(DB).getNotes()).extracting(TargetNote::kind, TargetNote::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DrillCompleted", NoteSeverity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("ArchiveFailed", NoteSeverity.WARNING),
                org.assertj.core.groups.Tuple.tuple("RestoreFailed", NoteSeverity.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("FailoverCompleted", NoteSeverity.WARNING));
        assertThat(driver.target(DB).getArchiveTrouble().failure()).isEqualTo("STORE_UNAVAILABLE");

        driver.send(Facts.archived(DB, T0.plusSeconds(400), T0.plusSeconds(400), T0.plusSeconds(400)));
        assertThat(driver.target(DB).getArchiveTrouble()).as("archiving moves again").isNull();
    }

    @Test
    void measuresRestoreThroughputForTheRestorePlan() {
        driver.send(new RestoreCompleted("r-1", DB, "b-1", "secret://scratch", T0, "0/3000060", 1_000_000_000L,
                Map.of(), T0, T0.plusSeconds(10)));

        assertThat(driver.target(DB).getRestoreBytesPerSecond()).isEqualTo(100_000_000.0);
    }
}
