package io.lifeboat.health.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.events.health.WatchedResource;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.postgres.ShutdownMode;
import io.lifeboat.testkit.process.Await;

class PostgresProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static PostgresServer primary;
    private static PostgresServer standby;

    @BeforeAll
    static void startServers() throws SQLException {
        primary = PostgresServer.start();
        standby = primary.startStandby();
        // A replayed transaction, so that the standby has a last replay timestamp.
        execute(primary, "create table probe_marks (id serial primary key)");
        execute(primary, "insert into probe_marks default values");
        standby.awaitReplayOfPrimary();
    }

    @AfterAll
    static void stopServers() {
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void passesWithRolePrimaryOnARunningPrimary() {
        ProbeResult result = probe(options(primary));

        ProbeObservation seen = result.observation();
        assertThat(seen.ok()).as(seen.error()).isTrue();
        assertThat(seen.role()).isEqualTo("primary");
        assertThat(seen.replicationLag()).isNull();
        assertThat(seen.instance()).isEqualTo("127.0.0.1:" + primary.port());
        assertThat(seen.latency()).isNotNull();
        assertThat(result.usages()).isEmpty();
    }

    @Test
    void passesWithRoleStandbyAndItsReplayLagOnAStreamingStandby() {
        standby.awaitReplayOfPrimary();

        ProbeObservation seen = probe(options(standby)).observation();

        assertThat(seen.ok()).as(seen.error()).isTrue();
        assertThat(seen.role()).isEqualTo("standby");
        assertThat(seen.replicationLag()).isNotNull().isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void failsNamingTheLagWhenTheStandbyReplaysFurtherBehindThanAllowed() throws SQLException {
        execute(standby, "select pg_wal_replay_pause()");
        try {
            // The pause takes effect between two records: write until the standby holds WAL it has not replayed.
            Await.until("standby on port " + standby.port() + " to receive WAL it does not replay", TIMEOUT,
                    () -> insertOnPrimary() && received(standby), () -> "");

            Map<String, String> options = options(standby);
            options.put("max-replay-lag", "0s");
            ProbeObservation seen = probe(options).observation();

            assertThat(seen.ok()).isFalse();
            assertThat(seen.role()).isEqualTo("standby");
            assertThat(seen.replicationLag()).isPositive();
            assertThat(seen.error()).contains("standby 127.0.0.1:" + standby.port()).contains("max-replay-lag 0 ms");
        } finally {
            execute(standby, "select pg_wal_replay_resume()");
            standby.awaitReplayOfPrimary();
        }
    }

    @Test
    void reportsTheDiskOfTheDataDirectory() {
        Map<String, String> options = options(primary);
        options.put("data-directory", primary.dataDir().toString());

        ProbeResult result = probe(options);

        assertThat(result.observation().ok()).as(result.observation().error()).isTrue();
        assertThat(result.usages()).singleElement().satisfies(usage -> {
            assertThat(usage.resource()).isEqualTo(WatchedResource.DISK);
            assertThat(usage.instance()).isEqualTo(primary.dataDir().toString());
            assertThat(usage.used()).isBetween(0.0, 1.0);
            assertThat(usage.detail()).contains(" of ").endsWith("used on " + primary.dataDir());
        });
    }

    @Test
    void failsNamingHostAndPortWhenTheServerIsStopped() {
        try (PostgresServer stopped = PostgresServer.start()) {
            Map<String, String> options = options(stopped);
            stopped.stop(ShutdownMode.IMMEDIATE);

            ProbeObservation seen = probe(options).observation();

            assertThat(seen.ok()).isFalse();
            assertThat(seen.error()).isEqualTo("connection refused: 127.0.0.1:" + stopped.port());
        }
    }

    @Test
    void failsNamingAuthenticationWhenThePasswordIsWrong() {
        Map<String, String> options = options(primary);
        options.put("password", "not-" + primary.password());

        ProbeObservation seen = probe(options).observation();

        assertThat(seen.ok()).isFalse();
        assertThat(seen.error()).contains("127.0.0.1:" + primary.port()).contains("authentication");
    }

    @Test
    void timesOutNamingTheStepWhenTheServerNeverAnswers() throws Exception {
        // A listening socket nobody accepts from: the kernel completes the handshake, then nothing answers.
        try (ServerSocket silent = new ServerSocket(0)) {
            Map<String, String> options = Map.of("host", "127.0.0.1", "port", String.valueOf(silent.getLocalPort()),
                    "user", "postgres", "password", "x");

            try (Probe probe = ProbeFactory.create("primary", "postgres", options)) {
                ProbeObservation seen = probe.probe(Duration.ofSeconds(1)).observation();

                assertThat(seen.ok()).isFalse();
                assertThat(seen.error()).isEqualTo("timed out after 1 s: connect on 127.0.0.1:" + silent
                        .getLocalPort());
            }
        }
    }

    private static ProbeResult probe(Map<String, String> options) {
        try (Probe probe = ProbeFactory.create("db", "postgres", options)) {
            return probe.probe(TIMEOUT);
        }
    }

    private static Map<String, String> options(PostgresServer server) {
        Map<String, String> options = new HashMap<>();
        options.put("url", server.jdbcUrl());
        options.put("user", server.user());
        options.put("password", server.password());
        return options;
    }

    private static boolean received(PostgresServer server) {
        try (Connection c = server.connect();
                Statement st = c.createStatement();
                var rs = st.executeQuery("select pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn()")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean insertOnPrimary() {
        try {
            execute(primary, "insert into probe_marks default values");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection c = server.connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
