package io.lifeboat.agent.fs.repo;

/**
 * Where one blob sits in its pack.
 *
 * @param chunkId the chunk the blob holds
 * @param offset the blob's first byte in the pack
 * @param length the blob's stored length (flag, nonce, ciphertext, tag)
 * @param rawLength the chunk's plaintext length
 */
public record PackEntry(ChunkId chunkId, int offset, int length, int rawLength) {
}
