package io.lifeboat.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.Topics;
import io.lifeboat.events.envelope.Envelope;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.health.HealthStatus;
import io.lifeboat.events.health.TargetBecameUnhealthy;
import io.lifeboat.events.health.TargetHealthReported;
import io.lifeboat.events.health.TargetRecovered;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.postgres.ShutdownMode;
import io.lifeboat.testkit.process.Await;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged health-monitor against a real PostgreSQL and a real broker: reports a healthy target, announces a crash
 * once, and its recovery once; its gauges on {@code /q/metrics} follow.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = HealthMonitorTestResource.class, restrictToAnnotatedClass = true)
class HealthMonitorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String TARGET = "it-db";
    /** Reports to wait for after a transition, so that a duplicate announcement would have had the time to appear. */
    private static final int SETTLING_ROUNDS = 6;

    private static final String STATUS = "lifeboat_health_status{engine=\"postgres\",";

    private final EventCodec codec = new EventCodec();

    @Test
    void reportsAHealthyTargetThenAnnouncesItsCrashOnceAndItsRecoveryOnce() {
        Await.until("a HEALTHY report of " + TARGET, PATIENCE, () -> reports(HealthStatus.HEALTHY) > 0,
                () -> "events of " + TARGET + ": " + events());
        given().get("/api/health/targets").then().statusCode(200).body("[0].targetId", equalTo(TARGET))
                .body("[0].status", equalTo("HEALTHY")).body("[0].observations[0].ok", equalTo(true));
        assertThat(events(TargetBecameUnhealthy.class)).isEmpty();
        // A round refreshes the gauges before it publishes its report, so the report read above is on them too.
        assertThat(metrics()).contains(STATUS + "status=\"HEALTHY\",target=\"it-db\"} 1.0",
                STATUS + "status=\"UNHEALTHY\",target=\"it-db\"} 0.0").containsPattern(
                        "lifeboat_health_probe_up\\{member=\"[^\"]+\",probe=\"primary\",target=\"it-db\"} 1.0")
                .containsPattern("lifeboat_health_probe_latency_seconds\\{[^}]*target=\"it-db\"} \\d");

        HealthMonitorTestResource.postgres().stop(ShutdownMode.IMMEDIATE);
        Await.until("TargetBecameUnhealthy of " + TARGET, PATIENCE,
                () -> !events(TargetBecameUnhealthy.class).isEmpty(), () -> "events: " + events());
        long unhealthyReports = reports(HealthStatus.UNHEALTHY);
        Await.until(SETTLING_ROUNDS + " more UNHEALTHY reports", PATIENCE,
                () -> reports(HealthStatus.UNHEALTHY) >= unhealthyReports + SETTLING_ROUNDS, () -> "events: "
                        + events());
        assertThat(events(TargetBecameUnhealthy.class)).singleElement().satisfies(down -> {
            assertThat(down.probe()).isEqualTo("primary");
            assertThat(down.consecutiveFailures()).isEqualTo(3);
            assertThat(down.monitorId()).isEqualTo(HealthMonitorTestResource.MONITOR_ID);
        });
        assertThat(events(TargetRecovered.class)).isEmpty();
        assertThat(metrics()).contains(STATUS + "status=\"UNHEALTHY\",target=\"it-db\"} 1.0",
                STATUS + "status=\"HEALTHY\",target=\"it-db\"} 0.0").containsPattern(
                        "lifeboat_health_probe_up\\{member=\"[^\"]+\",probe=\"primary\",target=\"it-db\"} 0.0");

        HealthMonitorTestResource.postgres().restart();
        Await.until("TargetRecovered of " + TARGET, PATIENCE, () -> !events(TargetRecovered.class).isEmpty(),
                () -> "events: " + events());
        long healthyReports = reports(HealthStatus.HEALTHY);
        Await.until(SETTLING_ROUNDS + " more HEALTHY reports", PATIENCE,
                () -> reports(HealthStatus.HEALTHY) >= healthyReports + SETTLING_ROUNDS, () -> "events: "
                        + events());
        assertThat(events(TargetRecovered.class)).singleElement().satisfies(up -> {
            assertThat(up.probe()).isEqualTo("primary");
            assertThat(up.consecutiveSuccesses()).isEqualTo(2);
            assertThat(up.downtime()).isPositive();
            assertThat(up.monitorId()).isEqualTo(HealthMonitorTestResource.MONITOR_ID);
        });
        assertThat(events(TargetBecameUnhealthy.class)).hasSize(1);
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private long reports(HealthStatus status) {
        return events(TargetHealthReported.class).stream().filter(r -> r.status() == status).count();
    }

    private <T extends LifeboatMessage> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<LifeboatMessage> events() {
        return KafkaBroker.shared().readCommitted(Topics.HEALTH.name(), Duration.ofSeconds(10)).stream()
                .filter(record -> TARGET.equals(record.key())).map(codec::decode).map(Envelope::payload)
                .filter(this::signedByThisRun).map(LifeboatMessage.class::cast).toList();
    }

    private boolean signedByThisRun(LifeboatMessage message) {
        String monitorId = null;
        if (message instanceof TargetHealthReported report) {
            monitorId = report.monitorId();
        } else if (message instanceof TargetBecameUnhealthy down) {
            monitorId = down.monitorId();
        } else if (message instanceof TargetRecovered up) {
            monitorId = up.monitorId();
        }
        return HealthMonitorTestResource.MONITOR_ID.equals(monitorId);
    }
}
