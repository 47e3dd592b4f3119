package io.lifeboat.agentkit.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A restore destination split into its location and its {@code ?name=value&...} options, as agents accept them
 * ({@code /srv/restore?port=5544}); each agent takes the options it knows and refuses the rest.
 */
public final class DestinationOptions {

    private final String location;
    private final Map<String, String> options;

    private DestinationOptions(String location, Map<String, String> options) {
        this.location = location;
        this.options = options;
    }

    /**
     * Splits {@code destination} at its first {@code ?}.
     *
     * @throws IllegalArgumentException naming an option that is not {@code name=value}
     */
    public static DestinationOptions parse(String destination) {
        int question = destination.indexOf('?');
        Map<String, String> options = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : destination.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("option '" + pair + "' is not name=value");
                }
                options.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new DestinationOptions(question < 0 ? destination : destination.substring(0, question), options);
    }

    /** The destination without its options. */
    public String location() {
        return location;
    }

    /** Takes option {@code name}, if given. */
    public Optional<String> take(String name) {
        return Optional.ofNullable(options.remove(name));
    }

    /**
     * Takes option {@code port}, if given.
     *
     * @throws IllegalArgumentException when it is not a number from 1 to 65535
     */
    public Optional<Integer> takePort() {
        Optional<String> value = take("port");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(value.get());
            if (port >= 1 && port <= 65535) {
                return Optional.of(port);
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException("port must be a number from 1 to 65535, not '" + value.get() + "'");
    }

    /**
     * Fails when options are left that nobody took.
     *
     * @param known the options the agent accepts, for the message
     */
    public void requireAllTaken(String known) {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + options.keySet() + " (" + known + ")");
        }
    }
}
