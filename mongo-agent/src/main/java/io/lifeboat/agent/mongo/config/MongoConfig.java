package io.lifeboat.agent.mongo.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The mongo-agent's own configuration, {@code lifeboat.mongo.*}: the MongoDB targets it may back up, by target id. */
@ConfigMapping(prefix = "lifeboat.mongo")
public interface MongoConfig {

    /** The targets by id: {@code lifeboat.mongo.targets.<id>.*}; none by default. */
    Map<String, Target> targets();

    /** How verifications run, {@code lifeboat.mongo.verify.*}. */
    Verify verify();

    /** What every target's continuous oplog capture shares, {@code lifeboat.mongo.oplog.*}. */
    Oplog oplog();

    /** One MongoDB deployment: a standalone server, a replica set or a mongos. */
    interface Target {

        /** The connection string; prefer {@link #uriEnv()} when it holds credentials. */
        Optional<String> uri();

        /** Name of an environment variable of the agent that holds the connection string. */
        Optional<String> uriEnv();

        /** Databases to dump; empty = every database except admin, local and config. */
        Optional<List<String>> databases();

        /** Collections never dumped, as {@code db.collection}. */
        Optional<List<String>> excludeCollections();

        /** Where reads go: {@code secondaryPreferred} (a secondary when the target is a replica set), ... */
        @WithDefault("secondaryPreferred")
        String readPreference();

        /**
         * Secondaries further behind the primary than this are never read from (the driver's maxStalenessSeconds,
         * at least 90 s); empty = no bound.
         */
        Optional<Duration> maxStaleness();

        /** How long to wait for a TCP connection to a server. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** How long to wait for a server that matches the read preference. */
        @WithDefault("30s")
        Duration serverSelectionTimeout();

        /** How long one read may wait for the server's answer; 0 = no limit. */
        @WithDefault("0s")
        Duration socketTimeout();

        /** Documents asked from the server at once, and the reading cursor's batch size. */
        @WithDefault("1000")
        int batchSize();

        /** Whether the agent captures this target's oplog continuously into slices (a replica set member). */
        @WithDefault("false")
        boolean continuousOplog();

        /** This target's own slice settings, {@code targets.<id>.oplog.*}; empty values take the shared ones. */
        TargetOplog oplog();
    }

    /** A target's slice settings. */
    interface TargetOplog {

        /** A slice is stored at least this often while entries arrive. */
        Optional<Duration> flushInterval();

        /** A slice is stored as soon as it holds this many entries. */
        Optional<Integer> flushEntries();
    }

    /** Settings shared by every target's continuous oplog capture. */
    interface Oplog {

        /** A slice is stored at least this often while entries arrive, unless the target says otherwise. */
        @WithDefault("10s")
        Duration flushInterval();

        /** A slice is stored as soon as it holds this many entries, unless the target says otherwise. */
        @WithDefault("1000")
        int flushEntries();

        /** Await time of the tailable cursor, and the wait before re-reading once a cursor ended. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Wait before the first retry after a failure; doubles per failure in a row. */
        @WithDefault("5s")
        Duration firstBackoff();

        /** Longest wait between retries. */
        @WithDefault("60s")
        Duration maxBackoff();

        /** How long the driver looks for a reachable server before an operation fails (then: SOURCE_UNAVAILABLE). */
        @WithDefault("10s")
        Duration serverSelectionTimeout();
    }

    /** Settings of verifications shared by every target. */
    interface Verify {

        /** Connection string of the server scratch databases are restored into; empty = the target's own. */
        Optional<String> scratchUri();
    }
}
