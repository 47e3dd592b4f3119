package io.lifeboat.agent.redis.config;

import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.redis.engine.RedisTarget;
import io.lifeboat.agentkit.agent.config.Passwords;

/** Looks up configured Redis targets by id and resolves their passwords (a value or an environment variable). */
@ApplicationScoped
public class RedisTargets {

    private final Map<String, RedisConfig.Target> targets;
    private final Function<String, String> environment;

    @Inject
    public RedisTargets(RedisConfig config) {
        this(config.targets(), System::getenv);
    }

    /** For tests and tools: explicit targets and environment. */
    public RedisTargets(Map<String, RedisConfig.Target> targets, Function<String, String> environment) {
        this.targets = targets;
        this.environment = environment;
    }

    /** Whether {@code id} is configured. */
    public boolean contains(String id) {
        return targets.containsKey(id);
    }

    /** The target {@code id}; fails naming the id and the configuration prefix when it is not configured. */
    public RedisTarget get(String id) {
        RedisConfig.Target target = targets.get(id);
        if (target == null) {
            throw new IllegalArgumentException(
                    "unknown target '" + id + "': not configured in lifeboat.redis.targets");
        }
        return new RedisTarget(id, target.host(), target.port(), target.user().orElse(null), password(id, target),
                target.mode(), target.syncCommand(), target.connectTimeout(), target.readTimeout(),
                target.rdbFile(), target.bgsaveTimeout());
    }

    private String password(String id, RedisConfig.Target target) {
        return Passwords.resolve(id, target.password(), target.passwordEnv(), "lifeboat.redis.targets." + id,
                environment).orElse(null);
    }
}
