package io.lifeboat.agentkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where artifacts live: the port that every storage driver (S3, local directory) implements. Keys are built only by
 * {@link ArtifactLayout}; drivers never invent keys.
 */
public interface ObjectStore extends AutoCloseable {

    /**
     * Starts writing one object as a stream. Nothing is visible under {@code key} until
     * {@link ObjectUpload#complete()} returns; an aborted or abandoned upload leaves nothing behind.
     */
    ObjectUpload upload(String key, WriteOptions options) throws IOException;

    /** Stores a small object (a manifest, a marker) in one call; readers see all of it or nothing. */
    default void put(String key, byte[] bytes, WriteOptions options) throws IOException {
        try (ObjectUpload upload = upload(key, options)) {
            upload.write(bytes, 0, bytes.length);
            upload.complete();
        }
    }

    /** Opens an object for reading; throws {@link NoSuchObjectException} naming the key when it is absent. */
    InputStream open(String key) throws IOException;

    /**
     * Opens {@code length} bytes of an object starting at byte {@code offset} (fewer when the object ends first);
     * throws {@link NoSuchObjectException} naming the key when it is absent. This default reads and discards the
     * bytes before {@code offset}; drivers that can seek override it.
     */
    default InputStream openRange(String key, long offset, long length) throws IOException {
        checkRange(key, offset, length);
        InputStream in = open(key);
        try {
            in.skipNBytes(offset);
        } catch (IOException e) {
            in.close();
            throw new IOException("unable to read bytes " + offset + ".." + (offset + length) + " of object '" + key
                    + "' from " + location() + ": " + e, e);
        }
        return new BoundedInputStream(in, length);
    }

    /** Refuses a negative offset or length, naming the key. */
    static void checkRange(String key, long offset, long length) {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("range of object '" + key + "' has a negative offset (" + offset
                    + ") or length (" + length + ")");
        }
    }

    /** Size, storage class and time of an object, or empty when it is absent. */
    Optional<ObjectInfo> stat(String key) throws IOException;

    /**
     * {@link #stat(String)} that gives up after {@code patience}, retries included: for a health check, which must
     * answer "unreachable" in seconds where a backup's request keeps retrying for much longer.
     */
    default Optional<ObjectInfo> stat(String key, Duration patience) throws IOException {
        return stat(key);
    }

    /** Every object whose key starts with {@code prefix}, in key order (all pages, however many). */
    List<ObjectInfo> list(String prefix) throws IOException;

    /** Deletes an object; an absent object is not an error. Only expire decisions of the catalog call this. */
    void delete(String key) throws IOException;

    /** Where this store keeps objects, for people and for the catalog: {@code s3://bucket/prefix} or a file URI. */
    String location();

    @Override
    void close() throws IOException;
}
