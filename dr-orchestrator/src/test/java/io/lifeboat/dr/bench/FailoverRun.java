package io.lifeboat.dr.bench;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.events.dr.FailoverCompleted;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.Await;
import io.lifeboat.testkit.process.ServiceJar;

/**
 * One run: a fresh primary and streaming standby, one packaged health-monitor and one packaged orchestrator for a
 * target of its own (so that the previous run's hold-down does not apply), a write load, the primary's node killed,
 * and the time until the standby accepts writes.
 */
final class FailoverRun {

    /** Acknowledged inserts the standby must have replayed before the kill. */
    static final int INSERTS_BEFORE_KILL = 300;

    static final Path MONITOR_JAR = Path.of("health-monitor/target/quarkus-app/quarkus-run.jar");
    static final Path ORCHESTRATOR_JAR = Path.of("dr-orchestrator/target/quarkus-app/quarkus-run.jar");

    private static final Duration START_PATIENCE = Duration.ofSeconds(90);
    private static final Duration FAILOVER_LIMIT = Duration.ofMinutes(2);

    private final KafkaBroker broker;
    private final BenchSettings settings;

    FailoverRun(KafkaBroker broker, BenchSettings settings) {
        this.broker = broker;
        this.settings = settings;
    }

    /** Runs number {@code run} and cleans up after it. */
    RunResult run(int run) throws Exception {
        String target = "bench-db-" + run;
        PostgresServer primary = PostgresServer.start();
        try {
            PostgresServer standby = primary.startStandby();
            execute(primary, "create table " + WriteLoad.TABLE + " (id bigserial primary key, at timestamptz "
                    + "default now())");
            standby.awaitReplayOfPrimary();
            BenchSettings.Member a = member(primary);
            BenchSettings.Member b = member(standby);
            try (ServiceJar monitor = start(MONITOR_JAR, "bench-monitor-" + run, settings.monitor(target, a));
                    ServiceJar dr = start(ORCHESTRATOR_JAR, "bench-dr-" + run, withInstance(settings.orchestrator(
                            target, a, b), "bench-dr-" + run))) {
                Await.until("the monitor's first report on " + target, START_PATIENCE,
                        () -> monitor.get("/api/health/targets").body().contains("\"HEALTHY\""),
                        () -> "the monitor's log: " + monitor.log());
                return measure(run, target, primary, b, dr);
            } finally {
                // Back up after the kill so that the testkit can stop it and drop its standby as usual.
                primary.restart();
            }
        } finally {
            primary.close();
        }
    }

    private RunResult measure(int run, String target, PostgresServer primary, BenchSettings.Member standby,
            ServiceJar dr) throws Exception {
        List<Long> acknowledged;
        long killedAt;
        try (WriteLoad load = WriteLoad.start(member(primary))) {
            Await.until(INSERTS_BEFORE_KILL + " acknowledged inserts replayed by the standby", START_PATIENCE,
                    () -> load.count() >= INSERTS_BEFORE_KILL && maxId(standby) >= load.idAt(INSERTS_BEFORE_KILL),
                    () -> "acknowledged: " + load.count() + ", load failure: " + load.failure());
            killedAt = System.nanoTime();
            primary.crash();
            acknowledged = load.awaitEnd();
        }
        long writableAt = Writability.await(standby, FAILOVER_LIMIT);
        int lost = acknowledged.size() - present(standby, acknowledged);
        Optional<FailoverCompleted> done = awaitAnnouncement(target);
        RunResult.Announced announced = done.map(event -> new RunResult.Announced(event.recoveryTime(),
                event.dataLossBytes(), event.dataLoss())).orElse(null);
        if (announced == null) {
            System.out.println("run " + run + ": no FailoverCompleted; the orchestrator's log: " + dr.log());
        }
        return new RunResult(run, Duration.ofNanos(writableAt - killedAt), acknowledged.size(), lost, announced);
    }

    /** The announcement follows the promotion (verify, then announce): give it a moment after writability. */
    private Optional<FailoverCompleted> awaitAnnouncement(String target) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<FailoverCompleted> done = BenchKafka.failoverCompleted(broker, target);
        while (done.isEmpty() && System.nanoTime() < deadline) {
            done = BenchKafka.failoverCompleted(broker, target);
        }
        return done;
    }

    private ServiceJar start(Path jar, String name, Map<String, String> config) {
        return ServiceJar.start(jar, name, "256m", START_PATIENCE, port -> {
            Map<String, String> properties = new LinkedHashMap<>(config);
            properties.put("kafka.bootstrap.servers", broker.bootstrapServers());
            return properties;
        });
    }

    private static Map<String, String> withInstance(Map<String, String> config, String instanceId) {
        Map<String, String> properties = new LinkedHashMap<>(config);
        properties.put("lifeboat.dr.instance-id", instanceId);
        return properties;
    }

    private static BenchSettings.Member member(PostgresServer server) {
        return new BenchSettings.Member(server.jdbcUrl(), server.user(), server.password());
    }

    private static void execute(PostgresServer server, String sql) throws SQLException {
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long maxId(BenchSettings.Member member) {
        try (Connection connection = DriverManager.getConnection(member.url(), member.user(),
                member.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select coalesce(max(id), 0) from " + WriteLoad.TABLE)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("unable to read the replayed inserts on " + member.url() + ": "
                    + e.getMessage(), e);
        }
    }

    /** How many of the acknowledged ids the new primary has. */
    private static int present(BenchSettings.Member member, List<Long> ids) throws SQLException {
        try (Connection connection = DriverManager.getConnection(member.url(), member.user(),
                member.password());
                PreparedStatement query = connection.prepareStatement("select count(*) from " + WriteLoad.TABLE
                        + " where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray(Long[]::new));
            query.setArray(1, array);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
