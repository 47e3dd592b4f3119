package io.lifeboat.agent.redis.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.events.Topics;
import io.lifeboat.testkit.kafka.KafkaBroker;
import io.lifeboat.testkit.process.FreePorts;
import io.lifeboat.testkit.process.TempDirs;
import io.lifeboat.testkit.redis.RedisOptions;
import io.lifeboat.testkit.redis.RedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Creates the agent's topics on the shared broker, starts real redis-servers and points the agent at a fresh store
 * and key file and at these targets: {@code main} (diskless replication, so the {@code $EOF:} framing, PSYNC),
 * {@code disk} (disk-based replication, so the {@code $<len>} framing, SYNC), {@code bgsave} (a password-protected
 * server in bgsave mode), {@code wrong-password} and {@code no-sync} (an ACL user without SYNC/PSYNC) on that server,
 * {@code refused} (a port nothing listens on), {@code doomed} (a server of its own that saves each key slowly,
 * which a test kills mid-transfer), {@code damaged-file} (bgsave mode on {@code main}, reading a file the test
 * damages instead of the server's) and {@code empty} (a running server to restore into key by key).
 */
public class RedisAgentTestResource implements QuarkusTestResourceLifecycleManager {

    static final String GROUP = "lifeboat-redis-agent";
    static final String MAIN = "main";
    static final String DISK = "disk";
    static final String BGSAVE = "bgsave";
    static final String WRONG_PASSWORD = "wrong-password";
    static final String NO_SYNC = "no-sync";
    static final String REFUSED = "refused";
    static final String DOOMED = "doomed";
    static final String EMPTY = "empty";
    static final String DAMAGED_FILE = "damaged-file";
    static Path damagedFile;
    static final String PASSWORD = "s3cret-redis";

    static RedisServer main;
    static RedisServer disk;
    static RedisServer secured;
    static RedisServer doomed;
    static RedisServer empty;
    static Path storeRoot;

    @Override
    public Map<String, String> start() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopic(Topics.COMMANDS_REDIS.name(), 3, false);
        broker.createTopic(Topics.BACKUP_EVENTS.name(), 3, false);
        broker.createTopic(Topics.DEADLETTER.name(), 1, false);
        broker.createTopic(Topics.ARCHIVE_EVENTS.name(), 3, false);
        main = RedisServer.start(RedisOptions.defaults().withConfig("repl-diskless-sync yes",
                "repl-diskless-sync-delay 0"));
        disk = RedisServer.start(RedisOptions.defaults().withConfig("repl-diskless-sync no"));
        secured = RedisServer.start(RedisOptions.defaults().withConfig("requirepass " + PASSWORD,
                "user nosync on >" + PASSWORD + " ~* &* +@all -sync -psync"));
        doomed = RedisServer.start(RedisOptions.defaults().withConfig("repl-diskless-sync yes",
                "repl-diskless-sync-delay 0"));
        empty = RedisServer.start();
        Path dir = TempDirs.create("redis-agent-it");
        storeRoot = dir.resolve("store");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("lifeboat.agent.store.local-root", storeRoot.toString());
        config.put("lifeboat.agent.key.file", dir.resolve("master.key").toString());
        config.put("lifeboat.redis.restore.scratch-dir", dir.resolve("verify").toString());
        target(config, MAIN, main.port());
        target(config, DISK, disk.port());
        config.put(prefix(DISK) + "sync-command", "sync");
        target(config, BGSAVE, secured.port());
        config.put(prefix(BGSAVE) + "mode", "bgsave");
        config.put(prefix(BGSAVE) + "password", PASSWORD);
        target(config, WRONG_PASSWORD, secured.port());
        config.put(prefix(WRONG_PASSWORD) + "password", "not-" + PASSWORD);
        target(config, NO_SYNC, secured.port());
        config.put(prefix(NO_SYNC) + "user", "nosync");
        config.put(prefix(NO_SYNC) + "password", PASSWORD);
        target(config, REFUSED, FreePorts.find());
        config.put(prefix(REFUSED) + "connect-timeout", "2s");
        target(config, DOOMED, doomed.port());
        target(config, EMPTY, empty.port());
        damagedFile = dir.resolve("damaged.rdb");
        target(config, DAMAGED_FILE, main.port());
        config.put(prefix(DAMAGED_FILE) + "mode", "bgsave");
        config.put(prefix(DAMAGED_FILE) + "rdb-file", damagedFile.toString());
        return config;
    }

    private static void target(Map<String, String> config, String id, int port) {
        config.put(prefix(id) + "host", "127.0.0.1");
        config.put(prefix(id) + "port", String.valueOf(port));
    }

    private static String prefix(String id) {
        return "lifeboat.redis.targets." + id + ".";
    }

    @Override
    public void stop() {
        for (RedisServer server : new RedisServer[]{main, disk, secured, doomed, empty}) {
            if (server != null) {
                server.close();
            }
        }
    }
}
