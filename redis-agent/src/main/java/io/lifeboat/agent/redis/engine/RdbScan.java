package io.lifeboat.agent.redis.engine;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.lifeboat.agent.redis.rdb.RdbKey;
import io.lifeboat.agent.redis.rdb.RdbKeyReader;

/**
 * An output stream filter that passes an RDB on unchanged and walks it key by key on a thread of its own: exact key counts per database (RESIZEDB only announces them, and a header parser sees only the first
 * database's) and the digests of the first keys. A walk that fails (a module type it cannot measure) does not fail
 * the backup: it keeps draining, and the result says why it stopped.
 */
final class RdbScan extends FilterOutputStream {

    private static final byte[] END = new byte[0];

    /** What the walk found; {@code failure} is null when it reached the EOF opcode. */
    record Result(Map<Integer, Long> keysPerDb, Map<Integer, Long> expiresPerDb, List<KeySample> sample,
            String failure) {
    }

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(256);
    private final int sampleSize;
    private final Thread thread;
    private final Map<Integer, Long> keys = new TreeMap<>();
    private final Map<Integer, Long> expires = new TreeMap<>();
    private final List<KeySample> sample = new ArrayList<>();
    private volatile String failure;

    RdbScan(OutputStream out, int sampleSize, String name) {
        super(out);
        this.sampleSize = sampleSize;
        this.thread = new Thread(this::walk, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        if (len == 0) {
            return;
        }
        put(Arrays.copyOfRange(b, off, off + len));
    }

    /** Ends the stream and waits for the walk. */
    Result finish() throws InterruptedException {
        try {
            put(END);
        } catch (InterruptedIOException e) {
            throw new InterruptedException(e.getMessage());
        }
        thread.join();
        return new Result(keys, expires, List.copyOf(sample), failure);
    }

    /** Stops the walk without a result (the backup failed). */
    @Override
    public void close() {
        thread.interrupt();
    }

    private void put(byte[] chunk) throws InterruptedIOException {
        try {
            chunks.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("RDB scan interrupted");
        }
    }

    private void walk() {
        ChunkStream in = new ChunkStream();
        try {
            RdbKeyReader reader = new RdbKeyReader(in);
            for (RdbKey key = reader.next(); key != null; key = reader.next()) {
                keys.merge(key.db(), 1L, Long::sum);
                if (key.expireAtMillis() >= 0) {
                    expires.merge(key.db(), 1L, Long::sum);
                }
                if (sample.size() < sampleSize) {
                    byte[] payload = key.dumpPayload(reader.version());
                    sample.add(new KeySample(key.db(), key.key(), key.typeName(), key.type(), key.expireAtMillis(),
                            KeySample.digest(payload)));
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = e.getMessage();
        } finally {
            in.drain();
        }
    }

    /** The queue's chunks as an input stream; ends at {@link #END}. */
    private final class ChunkStream extends InputStream {

        private byte[] current = new byte[0];
        private int pos;
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (pos == current.length) {
                if (ended) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }

        private void next() throws InterruptedIOException {
            try {
                byte[] chunk = chunks.take();
                if (chunk == END) {
                    ended = true;
                } else {
                    current = chunk;
                    pos = 0;
                }
            } catch (InterruptedException e) {
                ended = true;
                throw new InterruptedIOException("RDB scan interrupted");
            }
        }

        /** Consumes what is left so that the writer never blocks on a walk that stopped early. */
        void drain() {
            while (!ended) {
                try {
                    next();
                } catch (InterruptedIOException e) {
                    return;
                }
            }
        }
    }
}
