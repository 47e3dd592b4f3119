package io.lifeboat.agentkit.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.lifeboat.agentkit.storage.StorageClass;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;

/**
 * The record of one stored artifact, written as JSON after every part: what it holds, how to read it back and how to
 * check it. A backup without a manifest does not exist.
 *
 * @param formatVersion version of this manifest format ({@value #FORMAT_VERSION})
 * @param backupId the backup's id
 * @param targetId the target the backup protects
 * @param engine the engine that produced the raw bytes
 * @param type how the backup copies its target
 * @param sizes raw, compressed and stored byte counts
 * @param parts every stored part, in order
 * @param sha256 checksum (hex) of the whole stored stream, computed as {@link #sha256Method} says
 * @param sha256Method how {@link #sha256} covers the whole stream: {@value #SHA256_OF_PART_DIGESTS} is SHA-256 over
 *        the parts' 32-byte SHA-256 digests concatenated in part order, which pins every byte and the order of the
 *        parts without hashing the stored bytes twice
 * @param compression how the raw bytes were compressed
 * @param encryption how the compressed bytes were encrypted, with the wrapped data key
 * @param storageClass the tier every object of the artifact is stored in
 * @param startedAt when the pipeline started writing
 * @param completedAt when the last part was checked, just before the manifest was written
 * @param engineMetadata what the engine records for restores: LSN or oplog range, RDB info, file counts
 */
public record Manifest(int formatVersion, String backupId, String targetId, Engine engine, BackupType type,
        Sizes sizes, List<Part> parts, String sha256, String sha256Method, Compression compression,
        Encryption encryption,
        StorageClass storageClass, Instant startedAt, Instant completedAt, Map<String, Object> engineMetadata) {

    /** The manifest format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** The whole-stream checksum method this code writes: SHA-256 over the parts' digests. */
    public static final String SHA256_OF_PART_DIGESTS = "sha256-of-part-sha256s";

    /**
     * Byte counts of the artifact.
     *
     * @param raw bytes the engine wrote
     * @param compressed bytes after zstd
     * @param stored bytes after encryption, the sum of the parts' sizes
     */
    public record Sizes(long raw, long compressed, long stored) {
    }

    /**
     * One stored part.
     *
     * @param number 1-based position in the stored stream
     * @param key the part's object key
     * @param size the part's size in bytes
     * @param sha256 SHA-256 (hex) of the part's bytes
     */
    public record Part(int number, String key, long size, String sha256) {
    }

    /**
     * How the raw bytes were compressed.
     *
     * @param algorithm always {@code zstd}
     * @param level the zstd level
     */
    public record Compression(String algorithm, int level) {
    }

    /**
     * How the compressed bytes were encrypted.
     *
     * @param scheme always {@code tink-streaming-aead}
     * @param template the Tink key template of the data key, e.g. {@code AES256_GCM_HKDF_1MB}
     * @param masterKeyId the id of the master key that wrapped the data key
     * @param wrappedDataKey the data key (a serialized Tink keyset) wrapped by the master key, base64
     */
    public record Encryption(String scheme, String template, String masterKeyId, String wrappedDataKey) {
    }

    /** For messages: {@code backup 'b' of target 't'}. */
    public String describe() {
        return Names.backup(targetId, backupId);
    }
}
