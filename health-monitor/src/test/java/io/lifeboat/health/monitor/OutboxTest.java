package io.lifeboat.health.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.Engine;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;

class OutboxTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final Outbox outbox = new Outbox();

    @Test
    void keepsAnUnpublishedOutageAndOnlyTheNewestReportForTheNextRound() {
        Envelope<?> outage = envelope(new TargetBecameUnhealthy("orders-db", Engine.POSTGRES, "db1:5432", "primary",
                "refused", 3, T0, T0, "monitor-a"));
        Envelope<?> oldReport = envelope(report(HealthStatus.UNHEALTHY, 3));
        outbox.add(List.of(outage, oldReport));
        List<Envelope<?>> attempt = outbox.drain();
        Envelope<?> newReport = envelope(report(HealthStatus.UNHEALTHY, 4));

        outbox.retry(attempt);
        outbox.add(List.of(newReport));

        assertThat(outbox.drain()).extracting(Envelope::id).containsExactly(outage.id(), newReport.id());
        assertThat(outbox.size()).isZero();
    }

    @Test
    void putsFailedEnvelopesBeforeThoseAddedWhilePublishing() {
        Envelope<?> first = envelope(report(HealthStatus.SUSPECT, 1));
        outbox.add(List.of(first));
        List<Envelope<?>> attempt = outbox.drain();
        Envelope<?> outage = envelope(new TargetBecameUnhealthy("orders-db", Engine.POSTGRES, null, "primary",
                "refused", 3, T0, T0, "monitor-a"));
        outbox.add(List.of(outage));

        outbox.retry(attempt);

        assertThat(outbox.drain()).extracting(Envelope::id).containsExactly(first.id(), outage.id());
    }

    private static TargetHealthReported report(HealthStatus status, int failures) {
        return new TargetHealthReported("orders-db", Engine.POSTGRES, "monitor-a", status, failures, List.of(),
                Duration.ofSeconds(5), T0);
    }

    private static Envelope<?> envelope(io.lifeboat.events.LifeboatMessage message) {
        return Envelope.of(Envelope.sourceOf("health-monitor"), message);
    }
}
