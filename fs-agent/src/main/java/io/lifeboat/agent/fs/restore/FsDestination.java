package io.lifeboat.agent.fs.restore;

import java.nio.file.Path;

import io.lifeboat.agentkit.agent.DestinationOptions;

/**
 * Where a file restore goes: an absolute directory, optionally with {@code ?path=<sub/path>} to restore one part of
 * the snapshot (kept at its place under the directory, as restic does).
 *
 * @param directory absolute, normalized directory restored into
 * @param subPath snapshot-relative path restored, or empty for all of it
 */
public record FsDestination(Path directory, String subPath) {

    /** Parses {@code /srv/restore[?path=docs/2026]}; fails naming what is wrong. */
    public static FsDestination parse(String destination) {
        DestinationOptions options = DestinationOptions.parse(destination);
        Path directory = Path.of(options.location());
        if (!directory.isAbsolute()) {
            throw new IllegalArgumentException("restore destination '" + destination + "' is not an absolute "
                    + "directory path");
        }
        String sub = options.take("path").orElse("");
        while (sub.startsWith("/")) {
            sub = sub.substring(1);
        }
        while (sub.endsWith("/")) {
            sub = sub.substring(0, sub.length() - 1);
        }
        options.requireAllTaken("path");
        return new FsDestination(directory.normalize(), sub);
    }
}
