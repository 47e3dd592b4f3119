package io.lifeboat.dr.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.lifeboat.dr.postgres.PgEndpoint;
import io.lifeboat.dr.postgres.PgInspector;
import io.lifeboat.testkit.postgres.PostgresServer;

/**
 * A real PostgreSQL primary ({@code pg-a}) streaming to a real standby ({@code pg-b}), and the orchestrator's
 * settings for a target made of them.
 */
final class PgPair implements AutoCloseable {

    final PostgresServer primary;
    final PostgresServer standby;

    PgPair() throws SQLException {
        primary = PostgresServer.start();
        standby = primary.startStandby();
        write(primary, "CREATE TABLE ledger (id int PRIMARY KEY)");
        standby.awaitReplayOfPrimary();
    }

    /** The orchestrator's settings for target {@code targetId} made of this pair. */
    Map<String, String> settings(String targetId) {
        String key = "lifeboat.dr.targets." + targetId + ".";
        Map<String, String> config = new HashMap<>();
        config.put("lifeboat.dr.expected-monitors", "3");
        config.put("lifeboat.dr.tick", "200ms");
        config.put("lifeboat.dr.step-timeout", "10s");
        config.put(key + "primary", "pg-a");
        member(config, key + "members.pg-a.", primary);
        member(config, key + "members.pg-b.", standby);
        return config;
    }

    private static void member(Map<String, String> config, String key, PostgresServer server) {
        config.put(key + "url", server.jdbcUrl());
        config.put(key + "user", server.user());
        config.put(key + "password", server.password());
    }

    /** The timeline a member is on now, as the orchestrator reads it. */
    static long timeline(PostgresServer server) {
        return new PgInspector().inspect(new PgEndpoint("probe", server.jdbcUrl(), server.user(), server.password()),
                Duration.ofSeconds(10)).timeline();
    }

    /** Runs statements in a new session with the member's own defaults. */
    static void write(PostgresServer server, String... statements) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Whether a new session of the member takes a write. */
    static boolean acceptsWrites(PostgresServer server, int id) {
        try {
            write(server, "INSERT INTO ledger VALUES (" + id + ") ON CONFLICT DO NOTHING");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        standby.close();
        primary.close();
    }
}
