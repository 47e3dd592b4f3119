package io.lifeboat.agentkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The object store on an S3 bucket (AWS or any S3-compatible server): streamed multipart uploads with parts sent in
 * parallel and SHA-256 checked, storage tiers as S3 storage classes, and S3 Object Lock retention when the bucket has
 * it.
 */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger LOG = Logger.getLogger(S3ObjectStore.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final S3Client client;
    private final StoreSettings settings;
    private final String keyPrefix;
    private final String location;
    private final ObjectLock lock;
    private final ThreadPoolExecutor partSenders;
    private final Set<S3Upload> uploads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warnedNoLock = new AtomicBoolean();
    private volatile boolean closed;

    /** A store on the bucket of {@code settings}, which must name the S3 driver; checks Object Lock once. */
    public S3ObjectStore(StoreSettings settings) throws IOException {
        this(S3Clients.create(settings), settings);
    }

    /** A store that uses (and closes) {@code client}. */
    S3ObjectStore(S3Client client, StoreSettings settings) throws IOException {
        this.client = client;
        this.settings = settings;
        this.keyPrefix = settings.prefix().isEmpty() ? "" : settings.prefix() + "/";
        this.location = "s3://" + settings.bucket() + (settings.prefix().isEmpty() ? "" : "/" + settings.prefix());
        try {
            this.lock = ObjectLock.detect(client, settings.bucket(),
                    ObjectLockMode.fromValue(settings.lockMode().name()));
        } catch (IOException e) {
            client.close();
            throw new IOException("unable to open object store " + location + ": " + e.getMessage(), e);
        }
        // Shared by the uploads of this store: it bounds connections; each upload bounds its own parts in flight.
        this.partSenders = new ThreadPoolExecutor(settings.partsInFlight(), settings.partsInFlight(), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "lifeboat-s3-part-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        partSenders.allowCoreThreadTimeOut(true);
    }

    @Override
    public ObjectUpload upload(String key, WriteOptions options) throws IOException {
        ensureOpen();
        S3Upload upload = new S3Upload(this, key, options);
        uploads.add(upload);
        return upload;
    }

    @Override
    public InputStream open(String key) throws IOException {
        ensureOpen();
        try {
            return client.getObject(GetObjectRequest.builder().bucket(bucket()).key(objectKey(key)).build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchObjectException(key, location);
        } catch (SdkException e) {
            throw new IOException("unable to read object '" + key + "' from " + location + ": " + describe(e), e);
        }
    }

    /** Reads the range with one GetObject carrying {@code Range: bytes=offset-(offset+length-1)}. */
    @Override
    public InputStream openRange(String key, long offset, long length) throws IOException {
        ObjectStore.checkRange(key, offset, length);
        ensureOpen();
        if (length == 0) {
            // S3 has no empty range; an absent object must still be reported as absent.
            if (stat(key).isEmpty()) {
                throw new NoSuchObjectException(key, location);
            }
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        try {
            return client.getObject(
                    GetObjectRequest.builder().bucket(bucket()).key(objectKey(key)).range(range).build());
        } catch (NoSuchKeyException e) {
            throw new NoSuchObjectException(key, location);
        } catch (S3Exception e) {
            if (e.statusCode() == 416) {
                // The range starts at or after the end of the object: like a local file, that reads as empty.
                return InputStream.nullInputStream();
            }
            throw new IOException("unable to read " + range + " of object '" + key + "' from " + location + ": "
                    + describe(e), e);
        } catch (SdkException e) {
            throw new IOException("unable to read " + range + " of object '" + key + "' from " + location + ": "
                    + describe(e), e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
        return stat(HeadObjectRequest.builder().bucket(bucket()).key(objectKey(key)).build(), key);
    }

    @Override
    public Optional<ObjectInfo> stat(String key, Duration patience) throws IOException {
        return stat(HeadObjectRequest.builder().bucket(bucket()).key(objectKey(key))
                .overrideConfiguration(o -> o.apiCallTimeout(patience)).build(), key);
    }

    private Optional<ObjectInfo> stat(HeadObjectRequest request, String key) throws IOException {
        ensureOpen();
        try {
            HeadObjectResponse head = client.headObject(request);
            return Optional.of(new ObjectInfo(key, head.contentLength(),
                    settings.storageClassMapping().tierOf(head.storageClassAsString()), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("unable to stat object '" + key + "' in " + location + ": " + describe(e), e);
        } catch (SdkException e) {
            throw new IOException("unable to stat object '" + key + "' in " + location + ": " + describe(e), e);
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        ensureOpen();
        List<ObjectInfo> found = new ArrayList<>();
        String token = null;
        try {
            do {
                ListObjectsV2Response page = client.listObjectsV2(ListObjectsV2Request.builder().bucket(bucket())
                        .prefix(objectKey(prefix)).maxKeys(settings.maxKeysPerPage()).continuationToken(token)
                        .build());
                for (S3Object object : page.contents()) {
                    found.add(new ObjectInfo(object.key().substring(keyPrefix.length()), object.size(),
                            settings.storageClassMapping().tierOf(object.storageClassAsString()),
                            object.lastModified()));
                }
                token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (token != null);
        } catch (SdkException e) {
            throw new IOException("unable to list prefix '" + prefix + "' in " + location + ": " + describe(e), e);
        }
        return found;
    }

    @Override
    public void delete(String key) throws IOException {
        ensureOpen();
        try {
            client.deleteObject(DeleteObjectRequest.builder().bucket(bucket()).key(objectKey(key)).build());
        } catch (SdkException e) {
            throw new IOException("unable to delete object '" + key + "' from " + location + ": " + describe(e), e);
        }
    }

    @Override
    public String location() {
        return location;
    }

    /** Aborts uploads still open (so no multipart upload is left pending), then closes the client. */
    @Override
    public void close() {
        closed = true;
        for (S3Upload upload : List.copyOf(uploads)) {
            upload.abort("the object store was closed");
        }
        partSenders.shutdown();
        try {
            partSenders.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }

    S3Client client() {
        return client;
    }

    String bucket() {
        return settings.bucket();
    }

    StoreSettings settings() {
        return settings;
    }

    ThreadPoolExecutor partSenders() {
        return partSenders;
    }

    /** Whether the bucket has Object Lock enabled, as found when the store was opened. */
    boolean objectLockEnabled() {
        return lock.enabled();
    }

    /** The S3 key of a store key: the bucket prefix, then the key. */
    String objectKey(String key) {
        return keyPrefix + key;
    }

    /** The Object Lock mode for an object kept until {@code retainUntil}, or null to leave it to the bucket. */
    ObjectLockMode lockMode(Optional<Instant> retainUntil) {
        if (retainUntil.isPresent() && !lock.enabled() && warnedNoLock.compareAndSet(false, true)) {
            LOG.warnf("bucket %s has no Object Lock enabled; retention dates are not enforced", bucket());
        }
        return retainUntil.isPresent() && lock.enabled() ? lock.mode() : null;
    }

    /** The retention date to send, or null: without one, the bucket's default retention (if any) applies. */
    Instant retainUntil(Optional<Instant> retainUntil) {
        return lock.enabled() ? retainUntil.orElse(null) : null;
    }

    void ended(S3Upload upload) {
        uploads.remove(upload);
    }

    void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("object store " + location + " is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** The error code and message of an S3 error, or the message of a client-side failure. */
    static String describe(Throwable e) {
        if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
            return s3.awsErrorDetails().errorCode() + " (HTTP " + s3.statusCode() + "): "
                    + s3.awsErrorDetails().errorMessage();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
