package io.lifeboat.agent.fs.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of blobs of one pack, encrypted: written at the end of the pack and again as the pack's index object.
 * Plaintext: version byte 1, entry count (int), then per entry chunk id (32 bytes), offset, length and raw length
 * (ints, big-endian); sealed by {@link BlobCodec#seal} with associated data naming the pack id and the role, so a
 * header cannot pass for another pack's.
 */
final class PackHeader {

    static final int ENTRY_BYTES = ChunkId.BYTES + 12;
    private static final byte VERSION = 1;

    /** Which copy of the list: the one inside the pack or the separate index object. */
    enum Role {
        HEADER, INDEX
    }

    private PackHeader() {
    }

    /** The sealed list of {@code entries} of pack {@code packId}. */
    static byte[] seal(BlobCodec codec, String packId, Role role, List<PackEntry> entries) {
        ByteBuffer plain = ByteBuffer.allocate(5 + entries.size() * ENTRY_BYTES);
        plain.put(VERSION).putInt(entries.size());
        byte[] id = new byte[ChunkId.BYTES];
        for (PackEntry entry : entries) {
            entry.chunkId().writeTo(id, 0);
            plain.put(id).putInt(entry.offset()).putInt(entry.length()).putInt(entry.rawLength());
        }
        return codec.seal(plain.array(), aad(packId, role));
    }

    /** The entries of a sealed list; throws naming {@code what} when it does not authenticate or parse. */
    static List<PackEntry> open(BlobCodec codec, String packId, Role role, byte[] sealed, int offset, int length,
            String what) throws IOException {
        byte[] plain = codec.open(sealed, offset, length, aad(packId, role), what);
        ByteBuffer in = ByteBuffer.wrap(plain);
        if (plain.length < 5 || in.get() != VERSION) {
            throw new IOException(what + " is not a version " + VERSION + " pack list");
        }
        int count = in.getInt();
        if (count < 0 || (long) count * ENTRY_BYTES != in.remaining()) {
            throw new IOException(what + " claims " + count + " entries but holds " + in.remaining() + " bytes");
        }
        List<PackEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ChunkId id = ChunkId.of(plain, in.position());
            in.position(in.position() + ChunkId.BYTES);
            entries.add(new PackEntry(id, in.getInt(), in.getInt(), in.getInt()));
        }
        return entries;
    }

    private static byte[] aad(String packId, Role role) {
        return ("lifeboat-fs-pack/v1\n" + packId + "\n" + role.name().toLowerCase()).getBytes(StandardCharsets.UTF_8);
    }
}
