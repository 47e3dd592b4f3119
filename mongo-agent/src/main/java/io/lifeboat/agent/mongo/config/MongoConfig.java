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
    }

    /** Settings of verifications shared by every target. */
    interface Verify {

        /** Connection string of the server scratch databases are restored into; empty = the target's own. */
        Optional<String> scratchUri();
    }
}
