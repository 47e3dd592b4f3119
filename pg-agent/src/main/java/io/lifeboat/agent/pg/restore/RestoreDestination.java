package io.lifeboat.agent.pg.restore;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import io.lifeboat.agentkit.agent.DestinationOptions;
import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;
import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Where a PostgreSQL restore goes: a new data directory on the agent's host, given as an absolute path or a
 * {@code file:} URI, with options {@code port} (the restored server's port), {@code keep-running} (leave the
 * promoted server running instead of stopping it cleanly) and {@code discard-after} (stop the running server and
 * remove its directory that long after the restore completed, for scratch instances of drills), e.g.
 * {@code /srv/pg/orders-restore?port=5544}.
 *
 * @param dataDir the data directory to create
 * @param port port of the restored server, when given
 * @param keepRunning whether the server stays up after the restore
 * @param discardAfter how long after completion the kept-running server and its directory are discarded, if at all
 */
record RestoreDestination(Path dataDir, OptionalInt port, boolean keepRunning, Optional<Duration> discardAfter) {

    /** A destination whose restored directory is kept. */
    RestoreDestination(Path dataDir, OptionalInt port, boolean keepRunning) {
        this(dataDir, port, keepRunning, Optional.empty());
    }

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
            Optional<String> discardText = parsed.take("discard-after");
            parsed.requireAllTaken("port, keep-running, discard-after");
            if (keepRunning && port.isEmpty()) {
                throw refused(destination, "keep-running=true needs a port");
            }
            Optional<Duration> discardAfter = Optional.empty();
            if (discardText.isPresent()) {
                if (!keepRunning) {
                    throw refused(destination, "discard-after needs keep-running=true (a stopped restore is a "
                            + "directory to keep, and only a server left running is discarded later)");
                }
                discardAfter = Optional.of(discardAfter(destination, discardText.get()));
            }
            return new RestoreDestination(dir, port, keepRunning, discardAfter);
        } catch (IllegalArgumentException e) {
            throw refused(destination, e.getMessage());
        }
    }

    private static Duration discardAfter(String destination, String text) throws RestoreFailure {
        Duration after;
        try {
            after = DurationConverter.parseDuration(text.strip());
        } catch (IllegalArgumentException | ArithmeticException e) {
            after = null;
        }
        if (after == null) {
            throw refused(destination, "discard-after '" + text + "' is not a duration such as PT30M, 30m, 90s or 2h");
        }
        if (after.isNegative() || after.isZero()) {
            throw refused(destination, "discard-after must be positive, not '" + text + "'");
        }
        return after;
    }

    private static RestoreFailure refused(String destination, String why) {
        return new RestoreFailure("destination", "destination '" + destination + "' is not usable: " + why
                + "; give an absolute path of a new data directory, e.g. /srv/pg/restore-1?port=5544&keep-running=true",
                false);
    }
}
