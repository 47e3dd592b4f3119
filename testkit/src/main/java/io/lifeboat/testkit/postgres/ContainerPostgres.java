package io.lifeboat.testkit.postgres;

import io.lifeboat.testkit.process.DockerEngine;
import io.lifeboat.testkit.process.JvmExit;

/**
 * The container path of the shared PostgreSQL used by Quarkus tests: a {@code postgres:15} container from
 * Testcontainers with the same replication settings as {@link PostgresServer}, used only where a Docker engine
 * answers; it offers connection details only (no standby, crash or data-dir control).
 */
public final class ContainerPostgres {

    static final String IMAGE = "postgres:15";
    private static final String CONTAINER_CLASS = "org.testcontainers.postgresql.PostgreSQLContainer";
    private static ContainerPostgres shared;

    private final org.testcontainers.postgresql.PostgreSQLContainer container;

    private ContainerPostgres(org.testcontainers.postgresql.PostgreSQLContainer container) {
        this.container = container;
    }

    /** Whether the container path applies here; false at once without Docker or with LIFEBOAT_TESTKIT=embedded. */
    public static boolean usable() {
        return DockerEngine.usable(CONTAINER_CLASS);
    }

    /** The container shared by this JVM; started on first use and stopped at JVM exit. */
    public static synchronized ContainerPostgres shared() {
        if (shared == null) {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer(IMAGE)
                    .withUsername("lifeboat").withPassword("lifeboat").withDatabaseName("postgres")
                    .withCommand("postgres", "-c", "wal_level=logical", "-c", "max_wal_senders=10", "-c",
                            "max_replication_slots=10", "-c", "fsync=off");
            try {
                container.start();
            } catch (RuntimeException e) {
                container.stop();
                throw new IllegalStateException("unable to start PostgreSQL container " + IMAGE + ": " + e.getMessage(),
                        e);
            }
            JvmExit.register(container::stop);
            shared = new ContainerPostgres(container);
        }
        return shared;
    }

    public String jdbcUrl() {
        return container.getJdbcUrl();
    }

    public String host() {
        return container.getHost();
    }

    public int port() {
        return container.getMappedPort(5432);
    }

    public String user() {
        return container.getUsername();
    }

    public String password() {
        return container.getPassword();
    }
}
