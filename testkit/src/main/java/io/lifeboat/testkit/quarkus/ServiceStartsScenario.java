package io.lifeboat.testkit.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * The start-up scenario every Lifeboat service passes: the packaged application starts against the real broker and
 * reports itself live and ready, with the Kafka connection among its readiness checks.
 *
 * <p>
 * A service's test extends this class and adds {@code @QuarkusIntegrationTest} and
 * {@code @QuarkusTestResource(KafkaResource.class)}.
 */
public abstract class ServiceStartsScenario {

    @Test
    void reportsLiveOnceStarted() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void reportsReadyWithAWorkingConnectionToTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"));
    }
}
