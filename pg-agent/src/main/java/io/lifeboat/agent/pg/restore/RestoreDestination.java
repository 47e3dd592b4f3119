package io.lifeboat.agent.pg.restore;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;

/**
 * Where a PostgreSQL restore goes: a new data directory on the agent's host, given as an absolute path or a
 * {@code file:} URI, with options {@code port} (the restored server's port) and {@code keep-running} (leave the
 * promoted server running instead of stopping it cleanly), e.g. {@code /srv/pg/orders-restore?port=5544}.
 *
 * @param dataDir the data directory to create
 * @param port port of the restored server, when given
 * @param keepRunning whether the server stays up after the restore
 */
record RestoreDestination(Path dataDir, OptionalInt port, boolean keepRunning) {

    /** Parses a {@code RestoreBackup.destination}; refuses anything else with a reason that shows the form. */
    static RestoreDestination parse(String destination) throws RestoreFailure {
        String location = destination;
        String query = null;
        int question = destination.indexOf('?');
        if (question >= 0) {
            location = destination.substring(0, question);
            query = destination.substring(question + 1);
        }
        if (location.startsWith("file:")) {
            try {
                location = new URI(location).getPath();
            } catch (URISyntaxException e) {
                throw refused(destination, "not a valid file: URI");
            }
        }
        if (location == null || !location.startsWith("/")) {
            throw refused(destination, "the pg-agent restores into a data directory on its host");
        }
        Path dir = Path.of(location).normalize();
        if (dir.getNameCount() == 0) {
            throw refused(destination, "'/' is not a data directory");
        }
        Map<String, String> options = options(destination, query);
        OptionalInt port = OptionalInt.empty();
        if (options.containsKey("port")) {
            try {
                int value = Integer.parseInt(options.remove("port"));
                if (value < 1 || value > 65535) {
                    throw new NumberFormatException();
                }
                port = OptionalInt.of(value);
            } catch (NumberFormatException e) {
                throw refused(destination, "port must be a number from 1 to 65535");
            }
        }
        boolean keepRunning = Boolean.parseBoolean(options.getOrDefault("keep-running", "false"));
        options.remove("keep-running");
        if (!options.isEmpty()) {
            throw refused(destination, "unknown options " + options.keySet());
        }
        if (keepRunning && port.isEmpty()) {
            throw refused(destination, "keep-running=true needs a port");
        }
        return new RestoreDestination(dir, port, keepRunning);
    }

    private static Map<String, String> options(String destination, String query) throws RestoreFailure {
        Map<String, String> options = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return options;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw refused(destination, "option '" + pair + "' is not key=value");
            }
            options.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return options;
    }

    private static RestoreFailure refused(String destination, String why) {
        return new RestoreFailure("destination", "destination '" + destination + "' is not usable: " + why
                + "; give an absolute path of a new data directory, e.g. /srv/pg/restore-1?port=5544&keep-running=true",
                false);
    }
}
