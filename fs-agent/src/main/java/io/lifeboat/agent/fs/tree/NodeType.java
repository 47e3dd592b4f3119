package io.lifeboat.agent.fs.tree;

import java.util.Locale;

/** The kind of one snapshot tree entry, written in lower case in the tree. */
public enum NodeType {
    /** A regular file; its content is the node's chunk list. */
    FILE,
    /** A directory; its children follow it in the tree. */
    DIR,
    /** A symbolic link; the node keeps the link's target as stored, never resolved. */
    SYMLINK,
    /** A later path of a regular file already listed under another path (same device and inode). */
    HARDLINK,
    /** A socket, fifo or device: recorded for the listing, skipped on restore. */
    OTHER;

    /** The name used in the tree's JSON. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type for a name used in the tree's JSON, or null when the name is unknown. */
    public static NodeType fromJson(String name) {
        for (NodeType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
