package io.lifeboat.testkit.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.lifeboat.testkit.process.Await;

/**
 * The start-up scenario every Lifeboat service passes: the packaged application starts against the real broker and
 * reports itself live and ready, with the Kafka connection among its readiness checks.
 *
 * <p>
 * A service's test extends this class and adds {@code @QuarkusIntegrationTest} and
 * {@code @QuarkusTestResource(KafkaResource.class)}.
 */
public abstract class ServiceStartsScenario {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    @Test
    void reportsLiveOnceStarted() {
        awaitUp("/q/health/live");
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void reportsReadyWithAWorkingConnectionToTheBroker() {
        awaitUp("/q/health/ready");
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
    }

    // HTTP answers before a Kafka Streams application has its partitions (its state check is DOWN until then).
    private static void awaitUp(String path) {
        Await.until(path + " UP", STARTUP, () -> given().when().get(path).statusCode() == 200,
                () -> path + ": " + given().when().get(path).asString());
    }
}
