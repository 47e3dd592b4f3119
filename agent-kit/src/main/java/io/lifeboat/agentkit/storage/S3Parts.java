package io.lifeboat.agentkit.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * The parts of one multipart upload: part-sized buffers, reused, and the parts being sent on the store's part
 * senders. At most {@code partsInFlight} parts are in flight; with the buffer the writer fills, at most
 * {@code partsInFlight + 1} buffers are ever allocated.
 */
final class S3Parts {

    /** What the writer checks while it waits for a part to finish (the upload may be aborted meanwhile). */
    interface Check {
        void run() throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(S3Parts.class);

    private final S3ObjectStore store;
    private final String objectKey;
    private final int partSize;
    private final int partsInFlight;
    private final Semaphore permits;
    private final Deque<byte[]> freeBuffers = new ArrayDeque<>();
    private final List<Future<CompletedPart>> sent = new ArrayList<>();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final AtomicInteger buffersAllocated = new AtomicInteger();
    private volatile boolean discarded;

    S3Parts(S3ObjectStore store, String objectKey) {
        this.store = store;
        this.objectKey = objectKey;
        this.partSize = store.settings().partSize();
        this.partsInFlight = store.settings().partsInFlight();
        this.permits = new Semaphore(partsInFlight);
    }

    int partSize() {
        return partSize;
    }

    /** An empty part buffer: one a sent part gave back, or a new one. */
    byte[] buffer() {
        synchronized (freeBuffers) {
            if (!freeBuffers.isEmpty()) {
                return freeBuffers.pop();
            }
        }
        buffersAllocated.incrementAndGet();
        return new byte[partSize];
    }

    /** Sends the next part; blocks while {@code partsInFlight} parts are in flight, running {@code check}. */
    void send(String uploadId, byte[] part, int length, Check check) throws IOException, InterruptedException {
        while (!permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            check.run();
        }
        int number = sent.size() + 1;
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            sent.add(store.partSenders().submit(() -> send(uploadId, number, part, length)));
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            permits.release();
            throw new IOException("part " + number + " was not sent: the object store is closed", e);
        }
    }

    /** Waits for every part, in order; throws the first part's failure. */
    List<CompletedPart> awaitAll() throws IOException, InterruptedException {
        List<CompletedPart> completed = new ArrayList<>();
        for (Future<CompletedPart> part : sent) {
            try {
                completed.add(part.get());
            } catch (ExecutionException e) {
                throw failure.get() != null ? failure.get() : new IOException(e.getCause());
            }
        }
        return completed;
    }

    /** The first part that failed, or null. */
    IOException failure() {
        return failure.get();
    }

    /** Stops sending: parts not started are skipped, and this waits for those being sent, so none lands later. */
    void discard() {
        discarded = true;
        try {
            if (!permits.tryAcquire(partsInFlight, 2, TimeUnit.MINUTES)) {
                LOG.warnf("parts of object '%s' in %s still in flight after 2 minutes", objectKey, store.location());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (freeBuffers) {
            freeBuffers.clear();
        }
    }

    int buffersAllocated() {
        return buffersAllocated.get();
    }

    int peakInFlight() {
        return peakInFlight.get();
    }

    private CompletedPart send(String uploadId, int number, byte[] part, int length) {
        try {
            if (discarded) {
                return null;
            }
            String sha256 = sha256(part, length);
            String eTag = store.client().uploadPart(UploadPartRequest.builder().bucket(store.bucket()).key(objectKey)
                    .uploadId(uploadId).partNumber(number).contentLength((long) length)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(sha256).build(), body(part, length))
                    .eTag();
            return CompletedPart.builder().partNumber(number).eTag(eTag).checksumSHA256(sha256).build();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, new IOException("part " + number + ": " + S3ObjectStore.describe(e), e));
            throw e;
        } finally {
            // The buffer goes back before the permit, so the writer never needs a buffer beyond partsInFlight + 1.
            synchronized (freeBuffers) {
                freeBuffers.push(part);
            }
            inFlight.decrementAndGet();
            permits.release();
        }
    }

    /** A body read from the buffer: no copy of the part, and a fresh stream for every retry. */
    static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }

    /** The base64 SHA-256 that S3 checks a part or object against. */
    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, 0, length);
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
