package io.lifeboat.agent.mongo.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.mongo.engine.MongoTarget;

/** Looks up configured MongoDB targets by id and resolves their connection strings (a value or an environment variable). */
@ApplicationScoped
public class MongoTargets {

    private final Map<String, MongoConfig.Target> targets;
    private final Function<String, String> environment;

    @Inject
    public MongoTargets(MongoConfig config) {
        this(config.targets(), System::getenv);
    }

    /** For tests and tools: explicit targets and environment. */
    public MongoTargets(Map<String, MongoConfig.Target> targets, Function<String, String> environment) {
        this.targets = targets;
        this.environment = environment;
    }

    /** Whether {@code id} is configured. */
    public boolean contains(String id) {
        return targets.containsKey(id);
    }

    /** The target {@code id}; fails naming the id and the configuration prefix when it is not usable. */
    public MongoTarget get(String id) {
        MongoConfig.Target target = targets.get(id);
        String prefix = "lifeboat.mongo.targets." + id;
        if (target == null) {
            throw new IllegalArgumentException("unknown target '" + id + "': not configured in lifeboat.mongo.targets");
        }
        String uri = target.uri().orElse(null);
        if (uri == null && target.uriEnv().isPresent()) {
            uri = environment.apply(target.uriEnv().get());
            if (uri == null || uri.isBlank()) {
                throw new IllegalArgumentException("target '" + id + "': environment variable "
                        + target.uriEnv().get() + " named by " + prefix + ".uri-env is not set");
            }
        }
        if (uri == null) {
            throw new IllegalArgumentException("target '" + id + "' has no connection string: set " + prefix
                    + ".uri or " + prefix + ".uri-env");
        }
        Duration staleness = target.maxStaleness().orElse(null);
        return new MongoTarget(id, uri, target.databases().orElse(List.of()),
                target.excludeCollections().orElse(List.of()), target.readPreference(), staleness,
                target.connectTimeout(), target.serverSelectionTimeout(), target.socketTimeout(),
                target.batchSize());
    }
}
