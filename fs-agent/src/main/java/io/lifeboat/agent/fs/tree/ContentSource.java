package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Where a restore gets file content from: the engine implements it from the repository's chunks. */
@FunctionalInterface
public interface ContentSource {

    /** Writes the content of the given chunks, in order, to {@code out} (without closing it). */
    void copy(List<String> chunkIds, OutputStream out) throws IOException;
}
