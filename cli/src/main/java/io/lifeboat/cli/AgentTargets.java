package io.lifeboat.cli;

import java.nio.file.Path;
import java.util.Map;

import io.lifeboat.testkit.mongo.MongoServer;
import io.lifeboat.testkit.postgres.PostgresServer;
import io.lifeboat.testkit.process.OsUser;
import io.lifeboat.testkit.redis.RedisServer;

/**
 * The agents' settings of one target on a server of the test kit, as the demo stack and the chaos bench give them:
 * continuous WAL and oplog capture on, so that restores to a point in time work.
 */
public final class AgentTargets {

    private AgentTargets() {
    }

    /** pg-agent's settings of {@code target} on {@code postgres}, with its throw-away password. */
    public static void postgres(Map<String, String> config, String target, PostgresServer postgres) {
        String pg = "lifeboat.pg.targets." + target + ".";
        config.put(pg + "host", postgres.host());
        config.put(pg + "port", String.valueOf(postgres.port()));
        config.put(pg + "user", postgres.user());
        // A test kit server's throw-away password; real deployments use password-env.
        config.put(pg + "password", postgres.password());
        config.put(pg + "bin-dir", postgres.binDir().toString());
        config.put(pg + "continuous-archiving", "true");
        if (OsUser.currentIsRoot()) {
            // Restores start PostgreSQL, which refuses to run as root.
            config.put(pg + "os-user", "postgres");
        }
    }

    /** redis-agent's settings of {@code target} on {@code redis}. */
    public static void redis(Map<String, String> config, String target, RedisServer redis) {
        String prefix = "lifeboat.redis.targets." + target + ".";
        config.put(prefix + "host", redis.host());
        config.put(prefix + "port", String.valueOf(redis.port()));
    }

    /** mongo-agent's settings of {@code target} on {@code mongo}. */
    public static void mongo(Map<String, String> config, String target, MongoServer mongo) {
        String prefix = "lifeboat.mongo.targets." + target + ".";
        config.put(prefix + "uri", mongo.connectionString());
        config.put(prefix + "continuous-oplog", "true");
    }

    /** fs-agent's settings of {@code target}: the directory {@code path}, without temp files, logs and caches. */
    public static void files(Map<String, String> config, String target, Path path) {
        String prefix = "lifeboat.fs.targets." + target + ".";
        config.put(prefix + "path", path.toString());
        config.put(prefix + "exclude", "*.tmp,*.log,cache/*");
    }
}
