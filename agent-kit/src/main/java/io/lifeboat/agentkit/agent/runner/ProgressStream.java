package io.lifeboat.agentkit.agent.runner;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * The stream an engine writes into: counts raw bytes, reports progress through a callback, stops writes once the
 * backup thread is interrupted, and remembers whether the artifact side (not the engine) failed.
 */
final class ProgressStream extends FilterOutputStream {

    /** Called after writes with the raw byte count so far. */
    interface Listener {
        void wrote(long rawBytes);
    }

    private final Listener listener;
    private long rawBytes;
    private IOException uploadFailure;

    ProgressStream(OutputStream sink, Listener listener) {
        super(sink);
        this.listener = listener;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("backup cancelled after " + rawBytes + " raw bytes");
        }
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            uploadFailure = e;
            throw e;
        }
        rawBytes += length;
        listener.wrote(rawBytes);
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            uploadFailure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        // The artifact sink completes or aborts the stream; an engine closing it early must not end the artifact.
    }

    /** True when a write or flush into the artifact pipeline failed, as opposed to the engine's reading. */
    boolean uploadFailed() {
        return uploadFailure != null;
    }
}
