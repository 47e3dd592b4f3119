package io.lifeboat.agent.fs.tree;

import java.util.Objects;

/**
 * One entry that could not be captured or restored as it was (vanished, changed while read, unreadable,
 * skipped), with the reason; a snapshot with problems is partially failed.
 */
public record Problem(String path, String reason) {

    /** Checks that both fields are present. */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }
}
