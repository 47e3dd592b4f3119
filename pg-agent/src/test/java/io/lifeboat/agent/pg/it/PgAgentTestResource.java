package io.lifeboat.agent.pg.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.OsUser;
import io.lifeboat.testkit.process.TempDirs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the agent's topics on the shared broker, starts the shared PostgreSQL server with a {@code shop} database,
 * and points the agent at a fresh store and key file and at eight targets: {@code main}, {@code wrong-password},
 * {@code tablespaces} (a second server with one tablespace besides the defaults), {@code archived} (the shared
 * server again, with continuous WAL archiving), {@code crash} (a server of its own, archived, which a test stops
 * the way a crash does), {@code cdc} (change capture of table {@code cdc_items} with its change feed) and
 * {@code cdc-off} (change capture disabled, with a slot and publication left behind to be dropped) and
 * {@code promoted} (the standby of a primary of its own, archived from the standby, which a test promotes). Restores
 * run PostgreSQL as the {@code postgres} OS account; due discards of scratch servers are checked every second.
 */
public class PgAgentTestResource implements QuarkusTestResourceLifecycleManager {

    static final String GROUP = "lifeboat-pg-agent";
    static final String DATABASE = "shop";
    static final String MAIN = "main";
    static final String WRONG_PASSWORD = "wrong-password";
    static final String TABLESPACES = "tablespaces";
    static final String ARCHIVED = "archived";
    static final String CRASH = "crash";
    static PostgresServer crashServer;
    static final String PROMOTED = "promoted";
    static PostgresServer switchPrimary;
    static PostgresServer switchStandby;
    static final String CDC = "cdc";
    static final String CDC_OFF = "cdc-off";
    static final String CDC_TABLE = "cdc_items";
    static Path storeRoot;
    static Path keyFile;

    private Path dir;

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic(Topics.COMMANDS_POSTGRES.name(), 3, false);
        broker.createTopic(Topics.BACKUP_EVENTS.name(), 3, false);
        broker.createTopic(Topics.DEADLETTER.name(), 1, false);
        broker.createTopic(Topics.ARCHIVE_EVENTS.name(), 3, false);
        broker.createTopic("lifeboat.changes." + CDC, 1, false);
        PostgresServer server = PostgresServer.shared();
        server.createDatabase(DATABASE);
        dir = TempDirs.create("pg-agent-it");
        storeRoot = dir.resolve("store");
        keyFile = dir.resolve("master.key");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lifeboat.agent.store.local-root", storeRoot.toString());
        config.put("lifeboat.agent.key.file", keyFile.toString());
        // Scratch servers of discard-after restores go within a second of being due.
        config.put("lifeboat.pg.restore.discard-check", "1s");
        target(config, MAIN, server, server.password());
        target(config, WRONG_PASSWORD, server, "not-" + server.password());
        target(config, TABLESPACES, withExtraTablespace(), server.password());
        target(config, ARCHIVED, server, server.password());
        config.put("lifeboat.pg.targets." + ARCHIVED + ".continuous-archiving", "true");
        config.put("lifeboat.pg.targets." + ARCHIVED + ".os-user", "postgres");
        crashServer = PostgresServer.start();
        crashServer.createDatabase(DATABASE);
        target(config, CRASH, crashServer, crashServer.password());
        config.put("lifeboat.pg.targets." + CRASH + ".continuous-archiving", "true");
        config.put("lifeboat.pg.targets." + CRASH + ".os-user", "postgres");
        switchPrimary = PostgresServer.start();
        switchPrimary.createDatabase(DATABASE);
        switchStandby = switchPrimary.startStandby();
        target(config, PROMOTED, switchStandby, switchStandby.password());
        config.put("lifeboat.pg.targets." + PROMOTED + ".continuous-archiving", "true");
        config.put("lifeboat.pg.targets." + PROMOTED + ".os-user", "postgres");
        changeCapture(config, server, dir);
        return config;
    }

    /** A server of its own (stopped at JVM exit), so that the extra tablespace does not reach the other tests. */
    private static PostgresServer withExtraTablespace() {
        PostgresServer server = PostgresServer.start();
        Path location = TempDirs.create("pg-agent-tablespace");
        new OsUser("postgres").takeOwnership(location);
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create tablespace extra location '" + location + "'");
            statement.execute("create database " + DATABASE + " tablespace extra");
        } catch (SQLException e) {
            throw new IllegalStateException("unable to create a tablespace in " + location + ": " + e.getMessage(), e);
        }
        return server;
    }

    /** Target {@code cdc} captures {@code cdc_items}; {@code cdc-off} has a slot and publication left over. */
    private static void changeCapture(Map<String, String> config, PostgresServer server, Path dir) {
        config.put("lifeboat.pg.cdc.offset-dir", dir.resolve("cdc-offsets").toString());
        target(config, CDC, server, server.password());
        config.put("lifeboat.pg.targets." + CDC + ".change-capture.enabled", "true");
        config.put("lifeboat.pg.targets." + CDC + ".change-capture.change-feed", "true");
        config.put("lifeboat.pg.targets." + CDC + ".change-capture.tables", "public." + CDC_TABLE);
        config.put("lifeboat.pg.targets." + CDC + ".change-capture.poll-interval", "10ms");
        target(config, CDC_OFF, server, server.password());
        try (Connection connection = server.connect(DATABASE); Statement statement = connection.createStatement()) {
            statement.execute("create table " + CDC_TABLE + " (id int primary key, name text not null, qty int)");
            statement.execute("select pg_create_logical_replication_slot('lifeboat_cdc_cdc_off', 'pgoutput')");
            statement.execute("create publication lifeboat_cdc_off for table " + CDC_TABLE);
            statement.execute("comment on publication lifeboat_cdc_off is"
                    + " 'lifeboat change capture of target cdc-off'");
        } catch (SQLException e) {
            throw new IllegalStateException("unable to prepare change capture: " + e.getMessage(), e);
        }
    }

    private static void target(Map<String, String> config, String id, PostgresServer server, String password) {
        String prefix = "lifeboat.pg.targets." + id + ".";
        config.put(prefix + "host", server.host());
        config.put(prefix + "port", String.valueOf(server.port()));
        config.put(prefix + "database", DATABASE);
        config.put(prefix + "user", server.user());
        config.put(prefix + "password", password);
        config.put(prefix + "bin-dir", server.binDir().toString());
    }

    @Override
    public void stop() {
        // The server and broker are shared by the JVM; a shutdown hook stops them. The agent has stopped: its store,
        // key and change-capture offsets go.
        TempDirs.deleteQuietly(dir);
    }
}
