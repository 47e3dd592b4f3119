package io.lifeboat.catalog.it;

import static io.lifeboat.catalog.testing.Facts.archived;
import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.policy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.Topics;
import io.lifeboat.events.deadletter.DeadLetterHeaders;
import io.lifeboat.events.rpo.RpoBreached;
import io.lifeboat.events.rpo.RpoLagMeasured;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.quarkus.KafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The catalog service on a real broker: facts published as agents publish them come back through the query API as
 * targets, backups, restorable windows and restore plans; a stalled target breaches its RPO on wall-clock time; a
 * malformed fact is dead-lettered while the next one is folded.
 */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(CatalogTestResource.class)
class CatalogApiIT {

    private static final KafkaBroker BROKER = KafkaBroker.shared();

    @Test
    void answersTargetsBackupsWindowAndRestorePlanFromTheFoldedFacts() {
        String db = "api-db-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CatalogKafka.send(BROKER.bootstrapServers(), policy(db, Duration.ofMinutes(5), Facts.KEEP_MUCH,
                now.minus(Duration.ofHours(1))), completed(db, "b1", now.minus(Duration.ofMinutes(30))),
                completed(db, "b2", now.minus(Duration.ofMinutes(10))),
                archived(db, now.minusSeconds(60), now.minusSeconds(60), now));

        JsonPath target = awaitJson("/api/targets/" + db,
                json -> "b2".equals(json.getString("lastSuccess.FULL.backupId")) && json.getString("archive") != null);
        assertThat(target.getString("status")).isEqualTo("GREEN");
        assertThat(Instant.parse(target.getString("restorablePoint"))).isEqualTo(now);
        assertThat(target.getLong("rpoSeconds")).isEqualTo(300L);
        assertThat(target.getLong("lagSeconds")).isBetween(0L, 60L);

        List<String> backups = given().get("/api/targets/" + db + "/backups").then().statusCode(200).extract()
                .jsonPath().getList("backupId");
        assertThat(backups).containsExactly("b2", "b1");
        given().get("/api/targets/" + db + "/backups/b1").then().statusCode(200).body("phase",
                org.hamcrest.Matchers.equalTo("COMPLETED"));

        JsonPath window = given().get("/api/targets/" + db + "/window").then().statusCode(200).extract().jsonPath();
        assertThat(window.getBoolean("continuous")).isTrue();
        assertThat(Instant.parse(window.getString("earliest"))).isEqualTo(now.minus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(window.getString("latest"))).isEqualTo(now);

        Instant point = now.minus(Duration.ofMinutes(20));
        JsonPath plan = given().queryParam("at", point.toString()).get("/api/targets/" + db + "/restore-plan").then()
                .statusCode(200).extract().jsonPath();
        assertThat(plan.getBoolean("exact")).isTrue();
        assertThat(plan.getList("steps.backupId")).containsExactly("b1");
        assertThat(Instant.parse(plan.getString("log.to"))).isEqualTo(point);

        given().queryParam("at", "yesterday").get("/api/targets/" + db + "/restore-plan").then().statusCode(400);
        given().get("/api/targets/no-such-target").then().statusCode(404);
        given().get("/api/targets/" + db + "/backups/no-such-backup").then().statusCode(404);
    }

    @Test
    void breachesTheRpoOfAStalledTargetOnWallClockTimeOnce() {
        String db = "stalled-db-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        CatalogKafka.send(BROKER.bootstrapServers(), policy(db, Duration.ofSeconds(2), Facts.KEEP_MUCH, now),
                completed(db, "s1", now));

        Await.until("RpoBreached for " + db, Duration.ofSeconds(30),
                () -> !breaches(db).isEmpty(), () -> "no breach yet");
        List<RpoLagMeasured> lags = CatalogKafka.read(BROKER, Topics.RPO.name(), RpoLagMeasured.class).stream()
                .filter(l -> l.targetId().equals(db)).toList();
        assertThat(lags).anySatisfy(l -> assertThat(l.breached()).isTrue());
        assertThat(lags.get(lags.size() - 1).lag()).isGreaterThan(Duration.ofSeconds(2));
        JsonPath target = given().get("/api/targets/" + db).then().statusCode(200).extract().jsonPath();
        assertThat(target.getString("status")).isEqualTo("RED");
        assertThat(target.getList("notes.kind")).contains("RpoBreached");
        assertThat(breaches(db)).hasSize(1);
    }

    @Test
    void deadLettersAMalformedFactAndFoldsTheNextOne() {
        String db = "dlq-db-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] garbage = ("not a cloud event for " + db).getBytes(StandardCharsets.UTF_8);
        CatalogKafka.sendRaw(BROKER.bootstrapServers(), new ProducerRecord<>(Topics.BACKUP_EVENTS.name(), db,
                garbage));
        CatalogKafka.send(BROKER.bootstrapServers(), completed(db, "d1", Instant.now()));

        awaitJson("/api/targets/" + db + "/backups/d1", json -> true);
        Await.until("the dead letter of " + db, Duration.ofSeconds(20), () -> deadLetter(garbage) != null,
                () -> "not dead-lettered");
        ConsumerRecord<String, byte[]> dead = deadLetter(garbage);
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.GROUP).value(), StandardCharsets.UTF_8))
                .isEqualTo("lifeboat-catalog");
        assertThat(new String(dead.headers().lastHeader(DeadLetterHeaders.REASON).value(), StandardCharsets.UTF_8))
                .isNotBlank();
    }

    @Test
    void documentsTheApiInOpenApi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/targets/{targetId}/restore-plan"))
                .body(containsString("/api/targets/{targetId}/window"));
    }

    private static List<RpoBreached> breaches(String db) {
        return CatalogKafka.read(BROKER, Topics.RPO_EVENTS.name(), RpoBreached.class).stream()
                .filter(b -> b.targetId().equals(db)).toList();
    }

    private static ConsumerRecord<String, byte[]> deadLetter(byte[] value) {
        return BROKER.readCommitted(Topics.DEADLETTER.name(), Duration.ofSeconds(5)).stream()
                .filter(r -> java.util.Arrays.equals(r.value(), value)).findFirst().orElse(null);
    }

    private static JsonPath awaitJson(String path, java.util.function.Predicate<JsonPath> ready) {
        JsonPath[] last = new JsonPath[1];
        Await.until(path, Duration.ofSeconds(60), () -> {
            var response = given().get(path);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = response.jsonPath();
            return ready.test(last[0]);
        }, () -> "not ready: " + given().get(path).asString());
        return last[0];
    }
}
