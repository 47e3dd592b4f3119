package io.lifeboat.agent.fs.tree;

import java.util.List;

/**
 * What a restore wrote and what it skipped.
 *
 * @param files regular files written
 * @param dirs directories created or reused
 * @param symlinks symbolic links created
 * @param hardLinks hard links created
 * @param bytes content bytes written
 * @param skipped entries not restored, with the reason
 */
public record RestoreResult(long files, long dirs, long symlinks, long hardLinks, long bytes,
        List<Problem> skipped) {

    /** Copies the skipped list. */
    public RestoreResult {
        skipped = List.copyOf(skipped);
    }
}
