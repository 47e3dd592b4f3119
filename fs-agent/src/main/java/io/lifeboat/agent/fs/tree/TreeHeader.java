package io.lifeboat.agent.fs.tree;

import java.time.Instant;
import java.util.Objects;

/**
 * The first line of a snapshot tree: the format name, the absolute source path, when the walk started and on
 * which host.
 */
public record TreeHeader(String format, String root, Instant createdAt, String host) {

    /** The only format this code writes and reads. */
    public static final String FORMAT = "lifeboat-fs-tree-1";

    /** Checks that every field is present. */
    public TreeHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(host, "host");
    }

    /** A header in the current format. */
    public static TreeHeader of(String root, Instant createdAt, String host) {
        return new TreeHeader(FORMAT, root, createdAt, host);
    }
}
