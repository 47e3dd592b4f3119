package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * One artifact being written: the engine streams raw bytes into {@link #stream()}, then {@link #complete} stores the
 * last part, checks every part and writes the manifest; anything short of that leaves no objects behind.
 */
public interface ArtifactSink extends AutoCloseable {

    /** Where the engine writes the raw bytes; closing it does not complete the artifact. */
    OutputStream stream();

    /** Bytes and parts so far; safe to call from any thread. */
    ArtifactProgress progress();

    /**
     * Finishes the artifact: flushes compression and encryption, completes the last part, checks that every part is
     * stored with its size, and writes the manifest last. On failure the artifact is aborted and the exception names
     * the backup and the cause.
     */
    Manifest complete(Map<String, Object> engineMetadata) throws IOException;

    /** Deletes every object stored for this artifact; idempotent, never throws. */
    void abort();

    /** Aborts unless {@link #complete} succeeded. */
    @Override
    void close();
}
