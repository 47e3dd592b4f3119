package io.lifeboat.agent.fs.repo;

/**
 * Where a chunk is stored: its pack and its blob's place and sizes.
 *
 * @param packId the id of the pack (one shared string per pack)
 * @param offset the blob's first byte in the pack
 * @param length the blob's stored length
 * @param rawLength the chunk's plaintext length
 */
public record ChunkLocation(String packId, int offset, int length, int rawLength) {

    /** The location of {@code entry} in pack {@code packId}. */
    static ChunkLocation of(String packId, PackEntry entry) {
        return new ChunkLocation(packId, entry.offset(), entry.length(), entry.rawLength());
    }
}
