package io.lifeboat.agentkit.storage;

import java.io.IOException;

/**
 * One object being written as a stream: bytes are appended with {@link #write}, and the object appears under its
 * key only when {@link #complete()} succeeds. Drivers bound the memory they use whatever the object's size.
 */
public interface ObjectUpload extends AutoCloseable {

    /** Appends bytes; may block while earlier chunks are still in flight, so memory stays bounded. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Makes the object visible under its key and returns what was stored. */
    ObjectInfo complete() throws IOException;

    /** Discards everything written so far; safe after a failure and idempotent. */
    void abort();

    /** Aborts the upload unless it was completed. */
    @Override
    void close();
}
