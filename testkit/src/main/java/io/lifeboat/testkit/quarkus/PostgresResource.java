package io.lifeboat.testkit.quarkus;

import java.util.Map;

import io.lifeboat.testkit.postgres.ContainerPostgres;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the JVM's shared PostgreSQL: the default datasource and the
 * {@code lifeboat.postgres.*} keys a pg-agent reads. The server is {@link PostgresServer#shared()} from the OS
 * packages, or a container where a Docker engine answers (never with {@code LIFEBOAT_TESTKIT=embedded}). Use with
 * {@code @QuarkusTestResource(PostgresResource.class)}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        if (ContainerPostgres.usable()) {
            ContainerPostgres container = ContainerPostgres.shared();
            return config(container.jdbcUrl(), container.host(), container.port(), container.user(),
                    container.password());
        }
        return config(PostgresServer.shared());
    }

    /** The config keys for {@code server}; public so that the local stack can hand the same keys to services. */
    public static Map<String, String> config(PostgresServer server) {
        return config(server.jdbcUrl(), server.host(), server.port(), server.user(), server.password());
    }

    private static Map<String, String> config(String jdbcUrl, String host, int port, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "lifeboat.postgres.jdbc-url", jdbcUrl,
                "lifeboat.postgres.host", host,
                "lifeboat.postgres.port", String.valueOf(port),
                "lifeboat.postgres.user", user,
                "lifeboat.postgres.password", password);
    }

    /** The shared server outlives one test class; it is stopped at JVM exit. */
    @Override
    public void stop() {
    }
}
