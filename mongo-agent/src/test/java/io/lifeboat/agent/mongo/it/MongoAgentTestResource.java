package io.lifeboat.agent.mongo.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the agent's topics on the shared broker, starts in-JVM MongoDB wire servers and points the agent at a fresh
 * store and key file and at these targets: {@code main} (a server with its oplog, every database), {@code refused}
 * (a port nothing listens on: mongo-java-server has no authentication, so this stands in for a server that turns
 * the agent away), {@code spare} (an empty server, restored into by target id) and {@code live} (a server whose
 * oplog the agent captures continuously, in slices stored every half second).
 */
public class MongoAgentTestResource implements QuarkusTestResourceLifecycleManager {

    static final String GROUP = "lifeboat-mongo-agent";
    static final String MAIN = "main";
    static final String REFUSED = "refused";
    static final String SPARE = "spare";
    static final String LIVE = "live";

    static MongoServer main;
    static MongoServer spare;
    static MongoServer live;
    static Path storeRoot;

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic(Topics.COMMANDS_MONGODB.name(), 3, false);
        broker.createTopic(Topics.BACKUP_EVENTS.name(), 3, false);
        broker.createTopic(Topics.DEADLETTER.name(), 1, false);
        broker.createTopic(Topics.ARCHIVE_EVENTS.name(), 3, false);
        main = MongoServer.start();
        spare = MongoServer.start();
        live = MongoServer.start();
        Path dir = TempDirs.create("mongo-agent-it");
        storeRoot = dir.resolve("store");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lifeboat.agent.store.local-root", storeRoot.toString());
        config.put("lifeboat.agent.key.file", dir.resolve("master.key").toString());
        config.put(prefix(MAIN) + "uri", main.connectionString());
        // Small batches so that every collection of the tests takes several rounds of demand.
        config.put(prefix(MAIN) + "batch-size", "128");
        config.put(prefix(REFUSED) + "uri", "mongodb://127.0.0.1:" + FreePorts.find());
        config.put(prefix(REFUSED) + "server-selection-timeout", "2s");
        config.put(prefix(REFUSED) + "connect-timeout", "1s");
        config.put(prefix(SPARE) + "uri", spare.connectionString());
        config.put(prefix(LIVE) + "uri", live.connectionString());
        config.put(prefix(LIVE) + "continuous-oplog", "true");
        config.put(prefix(LIVE) + "oplog.flush-interval", "500ms");
        config.put("lifeboat.mongo.oplog.poll-interval", "200ms");
        return config;
    }

    private static String prefix(String id) {
        return "lifeboat.mongo.targets." + id + ".";
    }

    @Override
    public void stop() {
        for (MongoServer server : new MongoServer[]{main, spare, live}) {
            if (server != null) {
                server.close();
            }
        }
    }
}
