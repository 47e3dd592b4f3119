package io.lifeboat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.postgres.PostgresOptions;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.redis.RedisOptions;
import io.lifeboat.testkit.redis.RedisServer;
import io.lifeboat.testkit.s3.S3Server;

/**
 * The servers of the embedded default stack: a Kafka broker with every Lifeboat topic, a PostgreSQL primary with a
 * streaming standby, a Redis target, an S3 object store and a MongoDB wire server, loaded with demo data; closing it
 * stops them in reverse order.
 */
public final class StackInfrastructure implements AutoCloseable {

    /** The bucket the agents write artifacts to. */
    public static final String BUCKET = "lifeboat";

    /** The PostgreSQL demo target's id in the pg-agent's configuration. */
    public static final String DEMO_PG_TARGET = "demo-pg";
    /** The MongoDB target the mongo-agent is configured with. */
    public static final String DEMO_MONGO_TARGET = "demo-mongo";
    /** The Redis target the redis-agent is configured with. */
    public static final String DEMO_REDIS_TARGET = "demo-redis";

    /** The directory tree the fs-agent is configured with. */
    public static final String DEMO_FILES_TARGET = "demo-files";

    /**
     * The demo servers' throw-away PostgreSQL password, long and unusual enough that a scan of every event and log
     * line finds it wherever it leaks; real deployments take passwords from the environment ({@code password-env}).
     */
    public static final String DEMO_DB_PASSWORD = "lifeboat-demo-db-7c41e2";

    /** The PostgreSQL primary's member name in the orchestrator's configuration. */
    public static final String PRIMARY_MEMBER = "pg-a";
    /** The PostgreSQL standby's member name in the orchestrator's configuration. */
    public static final String STANDBY_MEMBER = "pg-b";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private PostgresServer standby;
    private Path scratch;
    private int restorePort;
    private int drillPort;
    private RedisServer redis;
    private S3Server s3;
    private MongoServer mongo;

    /** Starts every server; if one fails, the ones already started are stopped before the error is thrown. */
    public static StackInfrastructure start() throws Exception {
        StackInfrastructure infra = new StackInfrastructure();
        try {
            infra.kafka = infra.track(KafkaBroker.start());
            for (Topic topic : Topics.all()) {
                infra.kafka.createTopic(topic.name(), 3, topic.compacted());
            }
            infra.postgres = infra
                    .track(PostgresServer.start(PostgresOptions.defaults().withPassword(DEMO_DB_PASSWORD)));
            // Closed with its primary (PostgresServer closes its standbys).
            infra.standby = infra.postgres.startStandby();
            // No replicas to wait for: a snapshot over diskless replication starts at once.
            infra.redis = infra.track(RedisServer.start(RedisOptions.defaults().withConfig(
                    "repl-diskless-sync-delay 0")));
            infra.s3 = infra.track(S3Server.start());
            infra.s3.createBucket(BUCKET);
            infra.mongo = infra.track(MongoServer.start());
            infra.scratch = infra.track(new DemoScratch()).root();
            infra.restorePort = FreePorts.find();
            infra.drillPort = FreePorts.find();
            DemoData.load(infra.postgres, infra.standby, infra.redis, infra.mongo);
            return infra;
        } catch (Exception e) {
            infra.close();
            throw e;
        }
    }

    /**
     * The configuration every service receives as system properties; agents keep artifacts and the master key under
     * {@code <home>/.lifeboat}.
     */
    public Map<String, String> serviceConfig(Path home) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        // Agents write to the embedded default, a local directory; the S3 server is there for trying the S3 driver
        // (lifeboat.agent.store.driver=s3 with the endpoint printed at start).
        // Every run starts new servers and a new broker: the backups, archived WAL and change-capture offsets of a
        // former run belong to servers that no longer exist, and a WAL archive mixing two clusters cannot be
        // replayed, so they are cleared instead of mixed in.
        config.put("lifeboat.agent.store.local-root", fresh(home.resolve(".lifeboat/store")).toString());
        config.put("lifeboat.pg.cdc.offset-dir", fresh(home.resolve(".lifeboat/pg-cdc")).toString());
        config.put("lifeboat.agent.key.file", home.resolve(".lifeboat/master.key").toString());
        // The Kafka Streams state of the catalog and the scheduler (one folder per application id inside) belongs to
        // this run's broker: a fresh directory, never one a former run left behind.
        config.put("kafka-streams.state.dir", Files.createTempDirectory("lifeboat-streams-state-").toString());
        config.put("lifeboat.scheduler.policy-file",
                DemoPolicies.write(home.resolve(".lifeboat/demo-policies.yaml")).toString());
        AgentTargets.postgres(config, DEMO_PG_TARGET, postgres);
        AgentTargets.redis(config, DEMO_REDIS_TARGET, redis);
        AgentTargets.mongo(config, DEMO_MONGO_TARGET, mongo);
        healthTargets(config, home);
        drTargets(config);
        AgentTargets.files(config, DEMO_FILES_TARGET, DemoFiles.ensure(home.resolve(".lifeboat/demo-files")));
        return config;
    }

    // The health monitor probes every demo target every 5 s (the PostgreSQL primary every second, so that a failover
    // shows within seconds); three failed rounds in a row make an outage.
    private void healthTargets(Map<String, String> config, Path home) {
        String pg = "lifeboat.health.targets." + DEMO_PG_TARGET + ".";
        config.put(pg + "engine", "postgres");
        config.put(pg + "interval", "1s");
        config.put(pg + "timeout", "1s");
        config.put(pg + "probes.primary.kind", "postgres");
        config.put(pg + "probes.primary.options.url", postgres.jdbcUrl());
        config.put(pg + "probes.primary.options.user", postgres.user());
        // A demo server's throw-away password; real deployments use password-env.
        config.put(pg + "probes.primary.options.password", postgres.password());
        String redisTarget = "lifeboat.health.targets." + DEMO_REDIS_TARGET + ".";
        config.put(redisTarget + "engine", "redis");
        config.put(redisTarget + "probes.node.kind", "redis");
        config.put(redisTarget + "probes.node.options.address", redis.uri());
        String mongoTarget = "lifeboat.health.targets." + DEMO_MONGO_TARGET + ".";
        config.put(mongoTarget + "engine", "mongodb");
        config.put(mongoTarget + "probes.server.kind", "mongodb");
        config.put(mongoTarget + "probes.server.options.uri", mongo.connectionString());
        String filesTarget = "lifeboat.health.targets." + DEMO_FILES_TARGET + ".";
        config.put(filesTarget + "engine", "filesystem");
        config.put(filesTarget + "probes.tree.kind", "filesystem");
        config.put(filesTarget + "probes.tree.options.path", home.resolve(".lifeboat/demo-files").toString());
    }

    // The orchestrator fails demo-pg over to its standby on its own (one monitor is a quorum here), restores into
    // new instances under the scratch directory and drills there; both are removed by the pg-agent after a while.
    private void drTargets(Map<String, String> config) {
        String dr = "lifeboat.dr.targets." + DEMO_PG_TARGET + ".";
        config.put("lifeboat.dr.expected-monitors", "1");
        config.put("lifeboat.dr.tick", "200ms");
        config.put(dr + "failover-mode", "AUTOMATIC");
        config.put(dr + "primary", PRIMARY_MEMBER);
        member(config, dr + "members." + PRIMARY_MEMBER + ".", postgres);
        member(config, dr + "members." + STANDBY_MEMBER + ".", standby);
        config.put(dr + "rto", "PT15M");
        config.put(dr + "restore-destination", scratch.resolve("restores") + "/{run}?port=" + restorePort
                + "&keep-running=true&discard-after=30m");
        config.put(dr + "drill-destination", scratch.resolve("drills") + "/{run}?port=" + drillPort);
        config.put(dr + "drill-keep", "PT2M");
        config.put(dr + "checks.orders", "SELECT count(*) FROM " + DemoData.ORDERS);
    }

    private static void member(Map<String, String> config, String key, PostgresServer server) {
        config.put(key + "url", server.jdbcUrl());
        config.put(key + "user", server.user());
        // A demo server's throw-away password; real deployments use password-env.
        config.put(key + "password", server.password());
    }

    /**
     * Returns Kafka's bootstrap servers.
     *
     * @return host:port of the broker
     */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The PostgreSQL demo target's primary at start. */
    public PostgresServer postgres() {
        return postgres;
    }

    /** The PostgreSQL demo target's streaming standby at start. */
    public PostgresServer standby() {
        return standby;
    }

    /** The port a restore of the PostgreSQL demo target listens on. */
    public int restorePort() {
        return restorePort;
    }

    /** A table of where each server listens, for people. */
    public Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("Kafka broker", kafka.bootstrapServers() + "  (" + Topics.all().size() + " topics)");
        endpoints.put("PostgreSQL target", postgres.jdbcUrl() + "  user " + postgres.user() + "  (" + PRIMARY_MEMBER
                + ")");
        endpoints.put("PostgreSQL standby", standby.jdbcUrl() + "  (" + STANDBY_MEMBER + ", streaming)");
        endpoints.put("Redis target", redis.uri());
        endpoints.put("Object store (S3)", s3.endpoint() + "  bucket " + BUCKET);
        endpoints.put("MongoDB target", mongo.connectionString());
        return endpoints;
    }

    /** The Kafka broker. */
    public KafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("unable to stop " + server.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            TempDirs.deleteRecursively(dir);
        }
        return Files.createDirectories(dir);
    }

    private <T extends AutoCloseable> T track(T server) {
        started.push(server);
        return server;
    }
}
