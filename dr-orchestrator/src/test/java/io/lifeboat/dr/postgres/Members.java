package io.lifeboat.dr.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;

/** Endpoints of test servers, one of nothing, and plain SQL on a server. */
final class Members {

    private Members() {
    }

    static PgEndpoint endpoint(String name, PostgresServer server) {
        return new PgEndpoint(name, server.jdbcUrl(), server.user(), server.password());
    }

    /** An endpoint on a local port where nothing listens. */
    static PgEndpoint nowhere(String name) {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new PgEndpoint(name, "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres",
                    "lifeboat", "lifeboat");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the server has no client session but the one asking: a closed connection's backend exits a moment
     * after the client let go, and a fence in between would find it still there.
     */
    static void awaitNoOtherSessions(PostgresServer server) {
        Await.until("no other client session on " + server.jdbcUrl(), Duration.ofSeconds(10), () -> {
            try (Connection connection = server.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
                return rows.next() && rows.getLong(1) == 0;
            } catch (SQLException e) {
                throw new IllegalStateException("unable to list the sessions of " + server.jdbcUrl(), e);
            }
        }, () -> "sessions still open");
    }

    static void execute(PostgresServer server, String... statements) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
