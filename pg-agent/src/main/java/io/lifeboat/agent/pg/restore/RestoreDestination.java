package io.lifeboat.agent.pg.restore;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.OptionalInt;

import io.lifeboat.agentkit.agent.DestinationOptions;
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
        try {
            DestinationOptions parsed = DestinationOptions.parse(destination);
            String location = parsed.location();
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
            OptionalInt port = parsed.takePort().map(OptionalInt::of).orElse(OptionalInt.empty());
            boolean keepRunning = Boolean.parseBoolean(parsed.take("keep-running").orElse("false"));
            parsed.requireAllTaken("port, keep-running");
            if (keepRunning && port.isEmpty()) {
                throw refused(destination, "keep-running=true needs a port");
            }
            return new RestoreDestination(dir, port, keepRunning);
        } catch (IllegalArgumentException e) {
            throw refused(destination, e.getMessage());
        }
    }

    private static RestoreFailure refused(String destination, String why) {
        return new RestoreFailure("destination", "destination '" + destination + "' is not usable: " + why
                + "; give an absolute path of a new data directory, e.g. /srv/pg/restore-1?port=5544&keep-running=true",
                false);
    }
}
