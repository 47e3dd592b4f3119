package io.lifeboat.agent.fs.tree;

import java.io.IOException;

/** A snapshot tree that is not well formed; the message names the line number and the entry's path. */
public class TreeFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An error on one line, about one entry path (null when the line has none). */
    public TreeFormatException(long line, String path, String reason) {
        super("snapshot tree line " + line + (path == null ? "" : ", entry '" + printable(path) + "'") + ": "
                + reason);
    }

    /** The path with control characters shown as escapes so that a message stays on one line. */
    static String printable(String path) {
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
