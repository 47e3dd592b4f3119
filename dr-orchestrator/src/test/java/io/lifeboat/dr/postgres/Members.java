package io.lifeboat.dr.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.lifeboat.testkit.postgres.PostgresServer;

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

    static void execute(PostgresServer server, String... statements) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
