package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * The last stage of the write path: hands the encrypted stream to an upload thread that cuts it into part objects
 * ({@link PartCutter}), uploading and hashing them there. A bounded queue of reusable chunks between
 * the writer and that thread keeps the heap flat and lets compression and encryption run while a part uploads.
 */
final class PartWriter extends OutputStream {

    private static final Chunk END = new Chunk(new byte[0], 0);
    private static final long POLL_MS = 100;

    private final ObjectStore store;
    private final PartKeys keys;
    private final PipelineSettings settings;
    private final PartCutter cutter;
    private final BlockingQueue<Chunk> queue;
    private final BlockingQueue<byte[]> free;
    private final Thread uploader;

    private volatile Throwable failure;
    private volatile boolean aborted;
    private int allocated;
    private byte[] current;
    private int fill;
    private boolean closed;
    private String wholeSha256;

    /** Names part objects; {@link #describe()} names the artifact in messages. */
    interface PartKeys {
        String part(int number);

        String describe();
    }

    private record Chunk(byte[] bytes, int length) {
    }

    PartWriter(ObjectStore store, PartKeys keys, WriteOptions options,
            PipelineSettings settings) {
        this.store = store;
        this.keys = keys;
        this.settings = settings;
        this.cutter = new PartCutter(store, keys, options, settings.partSize());
        this.queue = new ArrayBlockingQueue<>(settings.uploadQueueChunks() + 1);
        this.free = new ArrayBlockingQueue<>(settings.uploadQueueChunks() + 2);
        this.uploader = daemon(this::uploadLoop, "lifeboat-upload");
        uploader.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (current == null) {
                current = acquire();
                fill = 0;
            }
            int n = Math.min(length, current.length - fill);
            System.arraycopy(bytes, offset, current, fill, n);
            fill += n;
            offset += n;
            length -= n;
            if (fill == current.length) {
                enqueue(new Chunk(current, fill));
                current = null;
            }
        }
    }

    /** Sends the last chunk, waits until every part is stored and throws the upload's failure, if any. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null && fill > 0) {
            enqueue(new Chunk(current, fill));
            current = null;
        }
        enqueue(END);
        join();
        rethrowFailure();
        if (aborted) {
            throw new IOException(keys.describe() + " was aborted");
        }
    }

    /** Stops the upload thread, discards the open part and deletes every part stored so far; idempotent. */
    void abort() {
        aborted = true;
        queue.clear();
        while (uploader.isAlive() && !queue.offer(END)) {
            queue.clear();
        }
        try {
            join();
        } catch (IOException e) {
            Thread.currentThread().interrupt();
        }
        for (String key : cutter.touchedKeys()) {
            try {
                store.delete(key);
            } catch (IOException | RuntimeException e) {
                // Best effort: without a manifest the part belongs to no backup; the failure is already reported.
            }
        }
    }

    static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    List<Manifest.Part> parts() {
        return cutter.parts();
    }

    String wholeSha256() {
        return wholeSha256;
    }

    long storedBytes() {
        return cutter.storedBytes();
    }

    int partsStarted() {
        return cutter.partsStarted();
    }

    private byte[] acquire() throws IOException {
        byte[] chunk = free.poll();
        if (chunk != null) {
            return chunk;
        }
        if (allocated < settings.uploadQueueChunks() + 2) {
            allocated++;
            return new byte[settings.chunkSize()];
        }
        try {
            while ((chunk = free.poll(POLL_MS, TimeUnit.MILLISECONDS)) == null) {
                rethrowFailure();
            }
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + keys.describe());
        }
    }

    private void enqueue(Chunk chunk) throws IOException {
        try {
            while (!queue.offer(chunk, POLL_MS, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing " + keys.describe());
        }
        rethrowFailure();
    }

    private void rethrowFailure() throws IOException {
        if (aborted) {
            throw new IOException(keys.describe() + " was aborted");
        }
        Throwable t = failure;
        if (t != null) {
            throw new IOException(t.getMessage(), t);
        }
    }

    private void join() throws IOException {
        try {
            uploader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while storing " + keys.describe());
        }
    }

    private void uploadLoop() {
        try {
            for (Chunk chunk = queue.take(); chunk != END; chunk = queue.take()) {
                if (failure == null && !aborted) {
                    try {
                        cutter.write(chunk.bytes(), chunk.length());
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                free.offer(chunk.bytes());
            }
            if (failure == null && !aborted) {
                wholeSha256 = cutter.finish();
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = new PartCutter.PartFailure(cutter.currentKey(), keys.describe(), e);
        } catch (InterruptedException e) {
            failure = e;
        } finally {
            cutter.stop();
        }
    }
}
