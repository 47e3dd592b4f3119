package io.lifeboat.agentkit.storage;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * One object being written to S3: bytes fill a part-sized buffer; each full buffer is sent as a part of a multipart
 * upload while the writer fills the next one ({@link S3Parts} bounds the parts in flight and the buffers). An object
 * that fits in one part is sent with one PutObject. Any failure aborts the multipart upload.
 */
final class S3Upload implements ObjectUpload {

    private static final Logger LOG = Logger.getLogger(S3Upload.class);

    private enum State {
        OPEN, COMPLETING, COMPLETED, ABORTED
    }

    private final S3ObjectStore store;
    private final String key;
    private final String objectKey;
    private final WriteOptions options;
    private final S3Parts parts;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private volatile String abortReason;
    private byte[] buffer;
    private int filled;
    private long size;
    private String uploadId;

    S3Upload(S3ObjectStore store, String key, WriteOptions options) {
        this.store = store;
        this.key = key;
        this.objectKey = store.objectKey(key);
        this.options = options;
        this.parts = new S3Parts(store, objectKey);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            ensureOpen();
            while (length > 0) {
                // A full buffer is sent only when more bytes follow, so an object of one part needs no multipart.
                if (buffer != null && filled == parts.partSize()) {
                    sendBuffer();
                }
                if (buffer == null) {
                    buffer = parts.buffer();
                }
                int n = Math.min(length, parts.partSize() - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                size += n;
            }
        } catch (Exception e) {
            throw fail(e);
        }
    }

    @Override
    public synchronized ObjectInfo complete() throws IOException {
        try {
            ensureOpen();
            if (uploadId == null) {
                finish(this::putObject);
            } else {
                if (filled > 0) {
                    sendBuffer();
                }
                List<CompletedPart> completed = parts.awaitAll();
                finish(() -> store.client().completeMultipartUpload(CompleteMultipartUploadRequest.builder()
                        .bucket(store.bucket()).key(objectKey).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(completed)).build()));
            }
            store.ended(this);
            ObjectInfo stored = store.stat(key).orElseThrow(() -> new IOException("it is absent after completion"));
            if (stored.size() != size) {
                throw new IOException("it has " + stored.size() + " bytes after completion, " + size + " were written");
            }
            return stored;
        } catch (Exception e) {
            throw fail(e);
        }
    }

    @Override
    public void abort() {
        abort("the upload was aborted");
    }

    @Override
    public void close() {
        abort();
    }

    /** Discards what was sent unless completion has begun; {@code reason} is what later calls report. */
    void abort(String reason) {
        if (state.get() == State.OPEN && abortReason == null) {
            abortReason = reason;
        }
        if (state.compareAndSet(State.OPEN, State.ABORTED)) {
            discard();
        }
    }

    /** How many part buffers this upload allocated; never more than {@code partsInFlight + 1}. */
    int buffersAllocated() {
        return parts.buffersAllocated();
    }

    /** The most parts that were in flight at once; never more than {@code partsInFlight}. */
    int peakPartsInFlight() {
        return parts.peakInFlight();
    }

    private synchronized void discard() {
        parts.discard();
        if (uploadId != null) {
            try {
                store.client().abortMultipartUpload(AbortMultipartUploadRequest.builder().bucket(store.bucket())
                        .key(objectKey).uploadId(uploadId).build());
            } catch (RuntimeException e) {
                LOG.warnf("unable to abort multipart upload %s of object '%s' in %s (a bucket lifecycle rule for "
                        + "incomplete uploads removes it): %s", uploadId, key, store.location(),
                        S3ObjectStore.describe(e));
            }
        }
        buffer = null;
        store.ended(this);
    }

    private void finish(Runnable lastRequest) throws IOException {
        // From here on abort() from another thread no longer races with the request that makes the object visible.
        if (!state.compareAndSet(State.OPEN, State.COMPLETING)) {
            throw ended();
        }
        lastRequest.run();
        state.compareAndSet(State.COMPLETING, State.COMPLETED);
    }

    private void putObject() {
        byte[] bytes = buffer == null ? new byte[0] : buffer;
        int length = buffer == null ? 0 : filled;
        store.client().putObject(PutObjectRequest.builder().bucket(store.bucket()).key(objectKey)
                .contentLength((long) length)
                .storageClass(store.settings().storageClassMapping().s3Class(options.storageClass()))
                .objectLockMode(store.lockMode(options.retainUntil()))
                .objectLockRetainUntilDate(store.retainUntil(options.retainUntil()))
                .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(S3Parts.sha256(bytes, length)).build(),
                S3Parts.body(bytes, length));
    }

    private void sendBuffer() throws IOException, InterruptedException {
        if (uploadId == null) {
            uploadId = store.client().createMultipartUpload(CreateMultipartUploadRequest.builder()
                    .bucket(store.bucket()).key(objectKey)
                    .storageClass(store.settings().storageClassMapping().s3Class(options.storageClass()))
                    .objectLockMode(store.lockMode(options.retainUntil()))
                    .objectLockRetainUntilDate(store.retainUntil(options.retainUntil()))
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256).build()).uploadId();
        }
        parts.send(uploadId, buffer, filled, this::ensureOpen);
        buffer = null;
        filled = 0;
    }

    private void ensureOpen() throws IOException {
        if (state.get() != State.OPEN) {
            throw ended();
        }
        if (parts.failure() != null) {
            throw parts.failure();
        }
    }

    /** Aborts (unless already ended) and returns the error to throw: it names the key, the location and the cause. */
    private IOException fail(Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (cause instanceof UploadEnded ended) {
            return ended;
        }
        String reason = S3ObjectStore.describe(cause);
        if (abortReason == null) {
            abortReason = reason;
        }
        // A failure while completing aborts too: the multipart upload must not be left pending.
        if (state.compareAndSet(State.OPEN, State.ABORTED) || state.compareAndSet(State.COMPLETING, State.ABORTED)) {
            discard();
        }
        return new IOException("unable to upload object '" + key + "' to " + store.location() + ": " + reason, cause);
    }

    private UploadEnded ended() {
        String reason = state.get() == State.ABORTED ? abortReason : "it was already completed";
        return new UploadEnded("unable to upload object '" + key + "' to " + store.location() + ": " + reason);
    }

    /** A call on an upload that was already completed or aborted. */
    private static final class UploadEnded extends IOException {
        private static final long serialVersionUID = 1L;

        UploadEnded(String message) {
            super(message);
        }
    }
}
