package io.lifeboat.testkit.kafka;

import io.lifeboat.testkit.process.DockerEngine;

/**
 * The container path of {@link KafkaBroker}: an {@code apache/kafka} container from Testcontainers, used only when
 * Testcontainers is on the class path, a Docker engine answers and {@code LIFEBOAT_TESTKIT} is not
 * {@code embedded}.
 */
final class ContainerKafka implements AutoCloseable {

    static final String IMAGE = "apache/kafka:4.1.1";

    private final org.testcontainers.kafka.KafkaContainer container;

    private ContainerKafka(org.testcontainers.kafka.KafkaContainer container) {
        this.container = container;
    }

    /** Whether the container path can be taken here (see {@link DockerEngine}). */
    static boolean usable() {
        return DockerEngine.usable("org.testcontainers.kafka.KafkaContainer");
    }

    static ContainerKafka start() {
        var container = new org.testcontainers.kafka.KafkaContainer(IMAGE);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new IllegalStateException("unable to start Kafka container " + IMAGE + ": " + e.getMessage(), e);
        }
        return new ContainerKafka(container);
    }

    String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
