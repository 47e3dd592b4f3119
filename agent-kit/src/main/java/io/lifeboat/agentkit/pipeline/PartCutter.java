package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.ObjectUpload;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * The upload thread's side of {@link PartWriter}: cuts the stored stream into parts of {@code partSize}, uploads each
 * as a stream, hashes it, and completes it on a second thread while the next part is written. Used by one thread.
 */
final class PartCutter {

    private final ObjectStore store;
    private final PartWriter.PartKeys keys;
    private final WriteOptions options;
    private final long partSize;
    private final ExecutorService completer;
    private final Set<String> touchedKeys = ConcurrentHashMap.newKeySet();
    private final AtomicLong storedBytes = new AtomicLong();
    private final List<Manifest.Part> parts = new ArrayList<>();
    private final MessageDigest whole = Digests.sha256();
    private final MessageDigest partDigest = Digests.sha256();
    private volatile int partNumber;
    private Future<?> completing;
    private ObjectUpload upload;
    private String partKey;
    private long partBytes;

    /** Storing one part failed; the message names the part, the artifact and the cause. */
    static final class PartFailure extends IOException {
        private static final long serialVersionUID = 1L;

        PartFailure(String key, String artifact, Exception cause) {
            super("unable to store part '" + key + "' of " + artifact + ": " + cause.getMessage(), cause);
        }
    }

    PartCutter(ObjectStore store, PartWriter.PartKeys keys, WriteOptions options, long partSize) {
        this.store = store;
        this.keys = keys;
        this.options = options;
        this.partSize = partSize;
        // Completing a part (an fsync, or S3's last part and CompleteMultipartUpload) overlaps writing the next one.
        this.completer = Executors.newSingleThreadExecutor(r -> PartWriter.daemon(r, "lifeboat-part-complete"));
    }

    /** Appends stored bytes, starting and completing parts as their size is reached. */
    void write(byte[] bytes, int length) throws IOException {
        try {
            store(bytes, length);
        } catch (PartFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PartFailure(partKey, keys.describe(), e);
        }
    }

    /** Completes the last part, waits for every completion and returns the whole-stream checksum. */
    String finish() throws IOException {
        finishPart();
        awaitCompletion();
        return HexFormat.of().formatHex(whole.digest());
    }

    /** Discards the open part and stops the completion thread, after waiting for a completion in progress. */
    void stop() {
        if (upload != null) {
            upload.abort();
            upload = null;
        }
        completer.shutdown();
        try {
            awaitCompletion();
        } catch (IOException e) {
            // The part is deleted with the others by the abort that follows a failure.
        }
    }

    List<Manifest.Part> parts() {
        return List.copyOf(parts);
    }

    Set<String> touchedKeys() {
        return touchedKeys;
    }

    long storedBytes() {
        return storedBytes.get();
    }

    int partsStarted() {
        return partNumber;
    }

    String currentKey() {
        return partKey;
    }

    private void store(byte[] bytes, int length) throws IOException {
        int offset = 0;
        while (offset < length) {
            if (upload == null) {
                partNumber++;
                partKey = keys.part(partNumber);
                partBytes = 0;
                touchedKeys.add(partKey);
                upload = store.upload(partKey, options);
            }
            int n = (int) Math.min(length - offset, partSize - partBytes);
            upload.write(bytes, offset, n);
            partDigest.update(bytes, offset, n);
            partBytes += n;
            offset += n;
            storedBytes.addAndGet(n);
            if (partBytes == partSize) {
                finishPart();
            }
        }
    }

    private void finishPart() throws IOException {
        if (upload == null) {
            return;
        }
        awaitCompletion();
        ObjectUpload finished = upload;
        String key = partKey;
        upload = null;
        byte[] digest = partDigest.digest();
        // The whole stream's checksum is SHA-256 over the parts' digests: hashing every stored byte a second time
        // would cost as much CPU as the part checksums themselves.
        whole.update(digest);
        parts.add(new Manifest.Part(partNumber, key, partBytes, HexFormat.of().formatHex(digest)));
        completing = completer.submit(() -> {
            try {
                finished.complete();
                return null;
            } catch (IOException | RuntimeException e) {
                finished.abort();
                throw new PartFailure(key, keys.describe(), e);
            }
        });
    }

    private void awaitCompletion() throws IOException {
        Future<?> pending = completing;
        completing = null;
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while storing " + keys.describe());
        }
    }
}
