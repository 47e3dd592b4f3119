package io.lifeboat.cli.chaos.agents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectStores;
import io.lifeboat.agentkit.storage.StoreSettings;
import io.lifeboat.cli.AgentTargets;
import io.lifeboat.events.Engine;
import io.lifeboat.events.Topic;
import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.redis.RedisOptions;
import io.lifeboat.testkit.redis.RedisServer;
import io.lifeboat.testkit.s3.S3Server;

/**
 * The servers of the agent-kill scenario, loaded with {@link TargetData}: a Kafka broker with every Lifeboat topic,
 * PostgreSQL, Redis, a MongoDB wire server, an S3 server with the agents' bucket, a directory tree and a master key
 * file; and the configuration each agent gets, as the demo gives it but with the S3 store. Closing stops them in
 * reverse order.
 */
final class AgentServers implements AutoCloseable {

    static final String BUCKET = "lifeboat";

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private RedisServer redis;
    private MongoServer mongo;
    private S3Server s3;
    private Path work;
    private Path files;
    private Path keyFile;

    /** Starts and loads every server; if one fails, the ones already started are stopped before the error. */
    static AgentServers start() throws IOException {
        AgentServers servers = new AgentServers();
        try {
            servers.work = TempDirs.create("lifeboat-chaos-agents-");
            servers.started.push(() -> TempDirs.deleteRecursively(servers.work));
            servers.kafka = servers.track(KafkaBroker.start());
            for (Topic topic : Topics.all()) {
                servers.kafka.createTopic(topic.name(), 3, topic.compacted());
            }
            servers.postgres = servers.track(PostgresServer.start());
            // As in the demo: a snapshot over diskless replication starts at once.
            servers.redis = servers.track(RedisServer.start(RedisOptions.defaults().withConfig(
                    "repl-diskless-sync-delay 0")));
            servers.s3 = servers.track(S3Server.start());
            servers.s3.createBucket(BUCKET);
            servers.mongo = servers.track(MongoServer.start());
            servers.files = TargetData.files(Files.createDirectories(servers.work.resolve("files")));
            // Created here, before any agent starts: four agents creating the file at once could each hold another key.
            servers.keyFile = LocalKeyFileMasterKey.openOrCreate(servers.work.resolve("master.key")).file();
            TargetData.postgres(servers.postgres);
            TargetData.redis(servers.redis);
            TargetData.mongo(servers.mongo);
            return servers;
        } catch (IOException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    /**
     * The system properties of the agent of {@code engine} backing up {@code target}.
     *
     * @param engine the agent's engine
     * @param target the id of its one target
     * @return the configuration
     */
    Map<String, String> agentConfig(Engine engine, String target) throws IOException {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("lifeboat.agent.store.driver", "s3");
        config.put("lifeboat.agent.store.s3-endpoint", s3.endpoint().toString());
        config.put("lifeboat.agent.store.s3-bucket", BUCKET);
        config.put("lifeboat.agent.store.s3-region", s3.region());
        config.put("lifeboat.agent.store.s3-access-key", s3.accessKey());
        config.put("lifeboat.agent.store.s3-secret-key", s3.secretKey());
        config.put("lifeboat.agent.store.s3-path-style", "true");
        config.put("lifeboat.agent.key.file", keyFile.toString());
        // Several parts per backup (the default is 64 MiB), so that a kill can land between two parts.
        config.put("lifeboat.agent.pipeline.part-size", String.valueOf(8 << 20));
        // A progress fact every second, so that a kill can wait for bytes in the store.
        config.put("lifeboat.agent.progress-interval", "PT1S");
        // A killed member holds its partitions until its session expires (45 s by default); 10 s lets the restarted
        // agent get the command back within seconds, so that twenty rounds take minutes.
        config.put("mp.messaging.incoming.commands.session.timeout.ms", "10000");
        config.put("mp.messaging.incoming.commands.heartbeat.interval.ms", "2000");
        switch (engine) {
            case POSTGRES -> {
                config.put("lifeboat.pg.cdc.offset-dir", Files.createDirectories(work.resolve("pg-cdc")).toString());
                AgentTargets.postgres(config, target, postgres);
            }
            case REDIS -> AgentTargets.redis(config, target, redis);
            case MONGODB -> AgentTargets.mongo(config, target, mongo);
            case FILESYSTEM -> AgentTargets.files(config, target, files);
        }
        return config;
    }

    /** Kafka's bootstrap servers. */
    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A client of the agents' store, which the caller closes. */
    ObjectStore openStore() throws IOException {
        return ObjectStores.create(StoreSettings.s3(BUCKET).withEndpoint(s3.endpoint(), true)
                .withCredentials(s3.region(), s3.accessKey(), s3.secretKey()));
    }

    /** The agents' master key. */
    MasterKey masterKey() throws IOException {
        return LocalKeyFileMasterKey.openOrCreate(keyFile);
    }

    /** The store's location, for messages. */
    String storeLocation() {
        return "s3://" + BUCKET + " at " + s3.endpoint();
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("chaos agents: unable to stop " + server.getClass().getSimpleName() + ": " + e);
            }
        }
    }

    private <T extends AutoCloseable> T track(T server) {
        started.push(server);
        return server;
    }

}
