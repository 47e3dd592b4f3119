package io.lifeboat.agent.mongo.testing;

import java.time.Duration;
import java.util.List;

import io.lifeboat.agent.mongo.engine.MongoTarget;

/** Targets for tests that run the dumper without the agent. */
public final class Targets {

    private Targets() {
    }

    /** Target {@code id} at {@code uri}, databases {@code databases}, reading {@code batch} documents at a time. */
    public static MongoTarget of(String id, String uri, List<String> databases, int batch) {
        return new MongoTarget(id, uri, databases, List.of(), "secondaryPreferred", null, Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ZERO, batch);
    }
}
