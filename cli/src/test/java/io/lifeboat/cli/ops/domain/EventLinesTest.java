package io.lifeboat.cli.ops.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.dr.DrCommandRefused;

class EventLinesTest {

    private static final Instant T = Instant.parse("2026-11-21T09:41:59.250Z");

    @Test
    void showsTimeTopicTypeTargetAndTheTellingFields() {
        VerificationFailed failed = new VerificationFailed("c1", "orders-db", "bk-9", "checksum", "part 3 differs",
                null, null, T);

        assertThat(EventLines.line(T, "lifeboat.backup.events", "VerificationFailed", "orders-db", failed))
                .isEqualTo("2026-11-21T09:41:59Z  lifeboat.backup.events   VerificationFailed     orders-db        "
                        + "backupId=bk-9 failedStep=checksum reason=part 3 differs");
    }

    @Test
    void summarisesARefusedCommandWithItsRunTypeAndReason() {
        DrCommandRefused refused = new DrCommandRefused("c1", "orders-db", "failover-c1", "StartFailover",
                "target 'orders-db' is in its PT30M hold-down", T);

        assertThat(EventLines.summary(refused)).isEqualTo("runId=failover-c1 command=StartFailover "
                + "reason=target 'orders-db' is in its PT30M hold-down");
    }

    @Test
    void showsAnUndecodableRecordWithWhereItIsAndWhy() {
        assertThat(EventLines.undecodable(T, "lifeboat.health", 0, 7, "orders-db", "not JSON"))
                .endsWith("UNDECODABLE            orders-db        at 0/7: not JSON");
    }

    @Test
    void filterMatchesTheCloudEventsTypeOrTheSimpleNameOfTheWatchedTarget() {
        EventFilter filter = new EventFilter("orders-db", List.of("FailoverCompleted",
                "io.lifeboat.dr.drill-completed"));

        assertThat(List.of(filter.matches("io.lifeboat.dr.failover-completed.v1", "FailoverCompleted", "orders-db"),
                filter.matches("io.lifeboat.dr.drill-completed.v1", "DrillCompleted", "orders-db"),
                filter.matches("io.lifeboat.dr.failover-completed.v1", "FailoverCompleted", "cache-db"),
                filter.matches("io.lifeboat.dr.failover-failed.v1", "FailoverFailed", "orders-db")))
                .containsExactly(true, true, false, false);
        assertThat(new EventFilter(null, null).matches("any", "Any", "any")).isTrue();
    }
}
