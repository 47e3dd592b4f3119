package io.lifeboat.catalog.it;

import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.envelope.LifeboatJson;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ServiceJar;

/**
 * Two catalog instances of one application share the partitions: each holds some targets, and either answers for
 * every target, asking the owner over HTTP for the ones it does not hold. The broker is this test's own.
 */
class CatalogInstancesIT {

    private static final int TARGETS = 12;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void eitherInstanceAnswersForEveryTargetAndEachHoldsOnlyItsOwn() throws Exception {
        Map<String, String> config = Map.of("kafka-streams.session.timeout.ms", "6000");
        try (ServiceJar a = CatalogProcess.start("catalog-a", broker.bootstrapServers(),
                Files.createTempDirectory("catalog-a-"), config);
                ServiceJar b = CatalogProcess.start("catalog-b", broker.bootstrapServers(),
                        Files.createTempDirectory("catalog-b-"), config)) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            List<LifeboatMessage> facts = new ArrayList<>();
            for (int i = 0; i < TARGETS; i++) {
                String db = "shared-db-" + i;
                facts.add(policy(db, Duration.ofHours(1), Facts.KEEP_MUCH, now.minusSeconds(600)));
                facts.add(completed(db, db + "-b1", now.minusSeconds(60)));
            }
            CatalogKafka.send(broker.bootstrapServers(), facts.toArray(LifeboatMessage[]::new));

            Await.until("both instances see every target", Duration.ofSeconds(90),
                    () -> targets(a, "/api/targets").size() == TARGETS && targets(b, "/api/targets").size() == TARGETS,
                    () -> "a: " + a.get("/api/targets").body() + "; b: " + b.get("/api/targets").body());

            Set<String> heldByA = targets(a, "/api/internal/targets");
            Set<String> heldByB = targets(b, "/api/internal/targets");
            assertThat(heldByA).as("a holds some targets").isNotEmpty().doesNotContainAnyElementsOf(heldByB);
            assertThat(heldByB).as("b holds the others").isNotEmpty();
            assertThat(heldByA.size() + heldByB.size()).isEqualTo(TARGETS);

            for (String target : heldByB) {
                JsonNode view = json(a.get("/api/targets/" + target).body());
                assertThat(view.path("targetId").asText()).isEqualTo(target);
                assertThat(view.path("lastSuccess").path("FULL").path("backupId").asText()).isEqualTo(target + "-b1");
                JsonNode backups = json(a.get("/api/targets/" + target + "/backups").body());
                assertThat(backups).hasSize(1);
                assertThat(a.get("/api/targets/" + target + "/restore-plan").statusCode()).isEqualTo(200);
            }
            assertThat(a.get("/api/targets/no-such-target").statusCode()).isEqualTo(404);
        }
    }

    private static Set<String> targets(ServiceJar catalog, String path) {
        var response = catalog.get(path);
        Set<String> ids = new HashSet<>();
        if (response.statusCode() == 200) {
            json(response.body()).forEach(node -> ids.add(node.path("targetId").asText()));
        }
        return ids;
    }

    private static JsonNode json(String body) {
        try {
            return LifeboatJson.mapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }
}
