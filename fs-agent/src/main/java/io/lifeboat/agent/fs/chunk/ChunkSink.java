package io.lifeboat.agent.fs.chunk;

import java.io.IOException;

/** Receives the chunks of a stream from {@link FastCdc#split}, in order. */
@FunctionalInterface
public interface ChunkSink {

    /**
     * One chunk: {@code length} bytes of {@code buffer} from {@code offset}. The buffer is reused and is valid only
     * during the call; copy what must outlive it.
     */
    void chunk(byte[] buffer, int offset, int length) throws IOException;
}
