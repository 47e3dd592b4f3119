package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * Collects encoded blobs into one pack until it reaches its target size, then stores the pack (blobs, sealed header,
 * 4-byte header length) as one object and, only after that, its index object. Not thread-safe.
 */
public final class PackWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String packId;
    private final int targetSize;
    private final List<PackEntry> entries = new ArrayList<>();
    private byte[] buffer;
    private int size;

    /** An empty pack with a fresh random id that reports full at {@code targetSize} bytes. */
    public PackWriter(int targetSize) {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        this.packId = HexFormat.of().formatHex(id);
        this.targetSize = targetSize;
        this.buffer = new byte[Math.min(targetSize, 1 << 20) + 1024];
    }

    /** The pack's id (64 hex digits, random). */
    public String packId() {
        return packId;
    }

    /** Appends the blob of {@code id}; returns its entry. */
    public PackEntry add(ChunkId id, byte[] blob, int rawLength) {
        return add(id, blob, 0, blob.length, rawLength);
    }

    /** Appends the blob of {@code id} held in {@code src[offset..offset+length)}; returns its entry. */
    public PackEntry add(ChunkId id, byte[] src, int offset, int length, int rawLength) {
        if (size + length > buffer.length) {
            long wanted = Math.max((long) size + length, Math.min((long) buffer.length * 2, targetSize + 1024L));
            if (wanted > Integer.MAX_VALUE - 1024) {
                throw new IllegalStateException("pack " + packId + " would exceed 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
        System.arraycopy(src, offset, buffer, size, length);
        PackEntry entry = new PackEntry(id, size, length, rawLength);
        entries.add(entry);
        size += length;
        return entry;
    }

    /** Whether the blobs reached the target size. */
    public boolean isFull() {
        return size >= targetSize;
    }

    /** Whether no blob was added. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The bytes of blobs added so far. */
    public int size() {
        return size;
    }

    /** The entries added so far, in pack order. */
    public List<PackEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * Stores the pack object, then its index object; returns the stored pack's size. A crash between the two leaves
     * a pack without index, which {@link RepositoryCheck} reports and {@link Sweep} removes; never an index without
     * its pack.
     */
    public long store(ObjectStore store, RepositoryLayout layout, BlobCodec codec, WriteOptions options)
            throws IOException {
        byte[] header = PackHeader.seal(codec, packId, PackHeader.Role.HEADER, entries);
        byte[] length = new byte[]{(byte) (header.length >>> 24), (byte) (header.length >>> 16),
                (byte) (header.length >>> 8), (byte) header.length};
        String packKey = layout.pack(packId);
        try (var upload = store.upload(packKey, options)) {
            upload.write(buffer, 0, size);
            upload.write(header, 0, header.length);
            upload.write(length, 0, 4);
            upload.complete();
        } catch (IOException e) {
            throw new IOException("unable to store pack '" + packKey + "' in " + store.location() + ": "
                    + e.getMessage(), e);
        }
        byte[] index = PackHeader.seal(codec, packId, PackHeader.Role.INDEX, entries);
        String indexKey = layout.index(packId);
        try {
            store.put(indexKey, index, options);
        } catch (IOException e) {
            throw new IOException("unable to store index '" + indexKey + "' of pack '" + packKey + "' in "
                    + store.location() + ": " + e.getMessage(), e);
        }
        buffer = null;
        return (long) size + header.length + 4;
    }
}
