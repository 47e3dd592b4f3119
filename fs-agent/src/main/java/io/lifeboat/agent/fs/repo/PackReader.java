package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;

/** Reads packs and index objects of one repository: single blobs by range, whole packs, headers and indexes. */
public final class PackReader {

    private final ObjectStore store;
    private final RepositoryLayout layout;
    private final BlobCodec codec;

    /** A reader of the packs under {@code layout} in {@code store}, decrypting lists with {@code codec}. */
    public PackReader(ObjectStore store, RepositoryLayout layout, BlobCodec codec) {
        this.store = store;
        this.layout = layout;
        this.codec = codec;
    }

    /** The {@code length} stored bytes of the blob at {@code offset} of pack {@code packId}. */
    public byte[] readBlob(String packId, int offset, int length) throws IOException {
        String key = layout.pack(packId);
        byte[] blob;
        try (InputStream in = store.openRange(key, offset, length)) {
            blob = in.readAllBytes();
        }
        if (blob.length != length) {
            throw new IOException("pack '" + key + "' in " + store.location() + " ends before bytes " + offset + ".."
                    + ((long) offset + length) + " (read " + blob.length + " bytes)");
        }
        return blob;
    }

    /** All stored bytes of pack {@code packId}. */
    public byte[] readPack(String packId) throws IOException {
        try (InputStream in = store.open(layout.pack(packId))) {
            return in.readAllBytes();
        }
    }

    /** The entries of the index object of pack {@code packId}. */
    public List<PackEntry> readIndex(String packId) throws IOException {
        String key = layout.index(packId);
        byte[] sealed;
        try (InputStream in = store.open(key)) {
            sealed = in.readAllBytes();
        }
        return PackHeader.open(codec, packId, PackHeader.Role.INDEX, sealed, 0, sealed.length,
                "index '" + key + "' in " + store.location());
    }

    /** The entries of the header at the end of pack {@code packId}, for packs whose index is missing. */
    public List<PackEntry> readHeader(String packId) throws IOException {
        String key = layout.pack(packId);
        String what = "header of pack '" + key + "' in " + store.location();
        ObjectInfo info = store.stat(key).orElseThrow(
                () -> new IOException("pack '" + key + "' does not exist in " + store.location()));
        if (info.size() < 4) {
            throw new IOException(what + " is missing: the pack holds only " + info.size() + " bytes");
        }
        byte[] tail;
        try (InputStream in = store.openRange(key, info.size() - 4, 4)) {
            tail = in.readNBytes(4);
        }
        long headerLength = ((tail[0] & 0xFFL) << 24) | ((tail[1] & 0xFF) << 16) | ((tail[2] & 0xFF) << 8)
                | (tail[3] & 0xFF);
        if (headerLength <= 0 || headerLength > info.size() - 4) {
            throw new IOException(what + " has an impossible length " + headerLength);
        }
        byte[] sealed;
        try (InputStream in = store.openRange(key, info.size() - 4 - headerLength, headerLength)) {
            sealed = in.readAllBytes();
        }
        return PackHeader.open(codec, packId, PackHeader.Role.HEADER, sealed, 0, sealed.length, what);
    }
}
