package io.lifeboat.testkit.quarkus;

import java.util.Map;

import io.lifeboat.testkit.mongo.MongoServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a Quarkus test's MongoDB client and {@code lifeboat.mongo.*} settings at the JVM's shared wire server. */
public class MongoResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String connectionString = MongoServer.shared().connectionString();
        return Map.of("quarkus.mongodb.connection-string", connectionString,
                "lifeboat.mongo.connection-string", connectionString);
    }

    @Override
    public void stop() {
        // Shared by every test of the JVM; a shutdown hook stops it.
    }
}
