package io.lifeboat.agent.fs.tree;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to restore and how: the target directory, a sub-path of the snapshot ("" for all of it; a sub-path keeps
 * its place under the target, as restic does), whether a non-empty target may be written over, and whether to
 * set owners (only meaningful as root).
 */
public record RestoreOptions(Path target, String subPath, boolean overwrite, boolean setOwners) {

    /** Checks the target and the sub-path. */
    public RestoreOptions {
        Objects.requireNonNull(target, "target");
        subPath = subPath == null ? "" : subPath;
        if (!subPath.isEmpty() && TreePaths.problemWith(subPath) != null) {
            throw new IllegalArgumentException(
                    "bad restore sub-path '" + subPath + "': " + TreePaths.problemWith(subPath));
        }
    }

    /** The whole snapshot into an empty or absent target, owners set when running as root. */
    public static RestoreOptions whole(Path target) {
        return new RestoreOptions(target, "", false, TreeRestorer.runningAsRoot());
    }
}
