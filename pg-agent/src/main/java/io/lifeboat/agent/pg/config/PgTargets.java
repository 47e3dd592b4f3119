package io.lifeboat.agent.pg.config;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.pg.engine.PgTarget;
import io.lifeboat.agentkit.agent.config.Passwords;

/** Looks up configured targets by id and resolves their passwords (a value or an environment variable). */
@ApplicationScoped
public class PgTargets {

    private final Map<String, PgConfig.Target> targets;
    private final Function<String, String> environment;

    @Inject
    public PgTargets(PgConfig config) {
        this(config.targets(), System::getenv);
    }

    /** For tests: explicit targets and environment. */
    public PgTargets(Map<String, PgConfig.Target> targets, Function<String, String> environment) {
        this.targets = targets;
        this.environment = environment;
    }

    /** The target {@code id}; fails naming the id and the configuration prefix when it is not configured. */
    public PgTarget get(String id) {
        PgConfig.Target target = targets.get(id);
        if (target == null) {
            throw new IllegalArgumentException("unknown target '" + id + "': not configured in lifeboat.pg.targets");
        }
        return new PgTarget(id, target.host(), target.port(), target.database(), target.user(),
                password(id, target), target.binDir(), target.osUser());
    }

    private Optional<String> password(String id, PgConfig.Target target) {
        return Passwords.resolve(id, target.password(), target.passwordEnv(), "lifeboat.pg.targets." + id,
                environment);
    }
}
