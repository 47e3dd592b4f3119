package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Passes bytes through unchanged and counts them, readable from any thread. */
final class CountingOutputStream extends OutputStream {

    private final OutputStream out;
    private final AtomicLong count = new AtomicLong();

    CountingOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count.incrementAndGet();
    }

    // Overridden so that arrays pass through whole: FilterOutputStream would write them byte by byte.
    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        count.addAndGet(length);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    long count() {
        return count.get();
    }
}
