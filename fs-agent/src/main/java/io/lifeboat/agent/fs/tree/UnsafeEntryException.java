package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.nio.file.Path;

/** A snapshot entry that would be written outside the restore target, or through a symbolic link inside it. */
public class UnsafeEntryException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An entry refused for the given reason. */
    public UnsafeEntryException(String entryPath, Path target, String why) {
        super("snapshot entry '" + TreeFormatException.printable(entryPath) + "' escapes the restore target "
                + target + ": " + why);
    }
}
