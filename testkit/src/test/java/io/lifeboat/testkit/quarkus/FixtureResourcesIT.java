package io.lifeboat.testkit.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

import io.lifeboat.testkit.postgres.ContainerPostgres;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.redis.RedisServer;

class FixtureResourcesIT {

    @Test
    void pointsTheDatasourceAtTheSharedPostgresServer() throws SQLException {
        Map<String, String> config = new PostgresResource().start();

        assertThat(config.get("quarkus.datasource.jdbc.url")).startsWith("jdbc:postgresql://"
                + config.get("lifeboat.postgres.host") + ":" + config.get("lifeboat.postgres.port") + "/postgres");
        assertThat(config).containsEntry("lifeboat.postgres.jdbc-url", config.get("quarkus.datasource.jdbc.url"))
                .containsEntry("lifeboat.postgres.user", config.get("quarkus.datasource.username"))
                .containsEntry("lifeboat.postgres.password", config.get("quarkus.datasource.password"));
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_user || ' ' || current_setting('wal_level')")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("lifeboat logical");
        }
    }

    @Test
    void choosesThePackagedServerAtOnceWhenLifeboatTestkitIsEmbedded() {
        System.setProperty("lifeboat.testkit", "embedded");
        try {
            long begin = System.nanoTime();
            assertThat(ContainerPostgres.usable()).isFalse();
            assertThat((System.nanoTime() - begin) / 1_000_000).isLessThan(100);

            assertThat(new PostgresResource().start())
                    .containsEntry("lifeboat.postgres.port", String.valueOf(PostgresServer.shared().port()));
        } finally {
            System.clearProperty("lifeboat.testkit");
        }
    }

    @Test
    void reusesTheSameServersForEveryTestClass() {
        assertThat(new PostgresResource().start()).isEqualTo(new PostgresResource().start());
        assertThat(new RedisResource().start()).isEqualTo(new RedisResource().start());
    }

    @Test
    void pointsTheRedisClientAtTheSharedRedisServer() {
        Map<String, String> config = new RedisResource().start();

        assertThat(config).containsEntry("lifeboat.redis.uri", RedisServer.shared().uri())
                .containsEntry("quarkus.redis.hosts", RedisServer.shared().uri());
        Config client = new Config();
        client.useSingleServer().setAddress(config.get("quarkus.redis.hosts")).setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(2);
        RedissonClient redisson = Redisson.create(client);
        try {
            redisson.getBucket("resource-probe").set("reachable");
            assertThat(redisson.<String>getBucket("resource-probe").get()).isEqualTo("reachable");
        } finally {
            redisson.shutdown();
        }
    }
}
