package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import io.lifeboat.agentkit.agent.RestoreEngine.RestoreResult;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.RestoreBackup;

/**
 * {@code lifeboat_restore.properties} in a restored data directory: which command and attempt restored it and what
 * it reached, so that a redelivered command reports the same result instead of failing on a non-empty directory.
 * A {@link ScratchDiscard} removes only a directory whose marker names the command that recorded the discard.
 */
final class RestoreMarker {

    static final String FILE = "lifeboat_restore.properties";

    private RestoreMarker() {
    }

    static Optional<RestoreResult> read(RestoreBackup command, Path dataDir) throws IOException {
        Path marker = dataDir.resolve(FILE);
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        Properties properties = load(marker);
        if (!command.commandId().equals(properties.getProperty("commandId"))
                || !Integer.toString(command.attempt()).equals(properties.getProperty("attempt"))) {
            return Optional.empty();
        }
        return Optional.of(new RestoreResult(Instant.parse(properties.getProperty("restoredTo")),
                properties.getProperty("restoredToPosition"), Long.parseLong(properties.getProperty("restoredBytes"))));
    }

    /** The command id in the marker of {@code dataDir}; empty when there is no marker or it names none. */
    static Optional<String> commandId(Path dataDir) throws IOException {
        Path marker = dataDir.resolve(FILE);
        if (!Files.exists(marker)) {
            return Optional.empty();
        }
        Properties properties = load(marker);
        return Optional.ofNullable(properties.getProperty("commandId"));
    }

    private static Properties load(Path marker) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    static void write(RestoreBackup command, Manifest backup, Path dataDir, RestoreResult result)
            throws IOException {
        Properties properties = new Properties();
        properties.setProperty("commandId", command.commandId());
        properties.setProperty("attempt", Integer.toString(command.attempt()));
        properties.setProperty("targetId", command.targetId());
        properties.setProperty("backupId", backup.backupId());
        properties.setProperty("restoredTo", result.restoredTo().toString());
        properties.setProperty("restoredToPosition", String.valueOf(result.restoredToPosition()));
        properties.setProperty("restoredBytes", Long.toString(result.restoredBytes()));
        try (Writer out = Files.newBufferedWriter(dataDir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.store(out, "Lifeboat restore: a redelivered command with this id reports this result");
        }
    }

}
