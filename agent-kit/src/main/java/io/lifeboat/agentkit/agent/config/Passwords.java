package io.lifeboat.agentkit.agent.config;

import java.util.Optional;
import java.util.function.Function;

/** Resolves a target's password from its configuration: the value itself, else a named environment variable. */
public final class Passwords {

    private Passwords() {
    }

    /**
     * The password of target {@code id}: {@code value} when present, else the variable {@code variable} names.
     *
     * @param prefix the target's configuration prefix (e.g. {@code lifeboat.pg.targets.main}), for messages
     * @throws IllegalArgumentException when the named variable is not set
     */
    public static Optional<String> resolve(String id, Optional<String> value, Optional<String> variable,
            String prefix, Function<String, String> environment) {
        if (value.isPresent() || variable.isEmpty()) {
            return value;
        }
        String resolved = environment.apply(variable.get());
        if (resolved == null) {
            throw new IllegalArgumentException("target '" + id + "': environment variable " + variable.get()
                    + " named by " + prefix + ".password-env is not set");
        }
        return Optional.of(resolved);
    }
}
