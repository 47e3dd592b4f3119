package io.lifeboat.testkit.kafka;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /** Cheap checks first, so that a machine without Docker pays neither a delay nor a log line. */
    static boolean usable() {
        String mode = System.getProperty("lifeboat.testkit", System.getenv("LIFEBOAT_TESTKIT"));
        if ("embedded".equalsIgnoreCase(mode) || !dockerHinted() || !onClassPath()) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
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

    private static boolean dockerHinted() {
        String home = System.getProperty("user.home");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"));
    }

    private static boolean onClassPath() {
        try {
            Class.forName("org.testcontainers.kafka.KafkaContainer", false, ContainerKafka.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
