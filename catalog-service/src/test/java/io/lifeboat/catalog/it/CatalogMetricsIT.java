package io.lifeboat.catalog.it;

import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.policy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The catalog's per-target gauges on {@code /q/metrics}: RPO lag and objective, breach flag, backup age and instant
 * per type, and the restorable window, computed from the facts on the real broker.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(CatalogTestResource.class)
class CatalogMetricsIT {

    private static final KafkaBroker BROKER = KafkaBroker.shared();

    @Test
    void exportsLagAgesAndWindowOfATargetAsPrometheusGauges() {
        String db = "metrics-db-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minus(Duration.ofMinutes(30));
        Instant newest = now.minus(Duration.ofMinutes(10));
        // Protected for less than its RPO, so no tick between the policy and the backups can open a breach.
        CatalogKafka.send(BROKER.bootstrapServers(), policy(db, Duration.ofHours(1), Facts.KEEP_MUCH,
                first.minus(Duration.ofMinutes(5))), completed(db, "m1", first), completed(db, "m2", newest));
        String target = "{target=\"" + db + "\"}";
        String full = "{target=\"" + db + "\",type=\"FULL\"}";

        // Facts complete a backup one second after it is consistent.
        double newestCompletion = newest.plusSeconds(1).getEpochSecond();
        String[] metrics = new String[1];
        // The gauges appear once the first backup is folded; the newest one's success says both are. A refresh
        // registers one gauge after the other, so a scrape may fall between two of them: wait for all of them.
        Await.until("gauges of " + db + " on /q/metrics", Duration.ofSeconds(60), () -> {
            metrics[0] = given().get("/q/metrics").then().statusCode(200).extract().asString();
            Double lastSuccess = value(metrics[0], "lifeboat_last_success_timestamp_seconds" + full);
            Double window = value(metrics[0], "lifeboat_restorable_window_seconds" + target);
            return lastSuccess != null && lastSuccess == newestCompletion && window != null && window > 0;
        }, () -> "not exported yet; lifeboat gauges:\n" + lifeboatLines(metrics[0]));

        String scraped = metrics[0];
        // The newest backup is ten minutes old and nothing replays log past it, so the lag began there.
        assertThat(value(scraped, "lifeboat_rpo_lag_seconds" + target)).isBetween(600.0, 3600.0);
        assertThat(value(scraped, "lifeboat_rpo_seconds" + target)).isEqualTo(3600.0);
        assertThat(value(scraped, "lifeboat_rpo_breached" + target)).isEqualTo(0.0);
        assertThat(value(scraped, "lifeboat_restorable_window_seconds" + target)).isEqualTo(1200.0);
        assertThat(value(scraped, "lifeboat_backup_age_seconds" + full)).isBetween(599.0, 3600.0);
    }

    /** The value of one sample line of the Prometheus text format, or null when it is not there. */
    private static Double value(String scraped, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scraped);
        return line.find() ? Double.valueOf(line.group(1)) : null;
    }

    private static String lifeboatLines(String scraped) {
        return scraped == null
                ? "(no scrape)"
                : scraped.lines().filter(l -> l.startsWith("lifeboat_"))
                        .reduce("", (a, b) -> a + b + "\n");
    }
}
