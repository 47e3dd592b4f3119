package io.lifeboat.agentkit.pipeline;

import io.lifeboat.agentkit.crypto.DataKey;

/**
 * Tuning of the artifact pipeline.
 *
 * @param zstdLevel zstd compression level (1..19; 3 is zstd's default)
 * @param zstdWorkers zstd worker threads; 0 compresses on the writing thread
 * @param partSize bytes of stored (encrypted) data per part object: a multiple of the 1 MiB encryption segment, so
 *        that no segment spans two parts
 * @param chunkSize bytes handed at once to the upload thread
 * @param uploadQueueChunks chunks that may wait for the upload thread; bounds the pipeline's heap to about
 *        {@code (uploadQueueChunks + 2) * chunkSize} plus two encryption segments per artifact
 */
public record PipelineSettings(int zstdLevel, int zstdWorkers, long partSize, int chunkSize, int uploadQueueChunks) {

    /** 64 MiB parts: few objects per backup, small enough that one retried part costs little. */
    public static final long DEFAULT_PART_SIZE = 64L << 20;

    /** Checks ranges; the part size must be a positive multiple of the encryption segment. */
    public PipelineSettings {
        if (zstdLevel < 1 || zstdLevel > 19) {
            throw new IllegalArgumentException("zstd level " + zstdLevel + " is outside 1..19");
        }
        if (zstdWorkers < 0) {
            throw new IllegalArgumentException("zstd workers " + zstdWorkers + " is negative");
        }
        if (partSize < DataKey.SEGMENT_SIZE || partSize % DataKey.SEGMENT_SIZE != 0) {
            throw new IllegalArgumentException("part size " + partSize + " is not a positive multiple of the "
                    + DataKey.SEGMENT_SIZE + "-byte encryption segment");
        }
        if (chunkSize < 4096 || uploadQueueChunks < 1) {
            throw new IllegalArgumentException("chunk size " + chunkSize + " must be at least 4096 and upload queue "
                    + uploadQueueChunks + " at least 1");
        }
    }

    /** Level 3, one zstd worker per core, 64 MiB parts, 1 MiB chunks, 4 chunks queued for upload. */
    public static PipelineSettings defaults() {
        return new PipelineSettings(3, Runtime.getRuntime().availableProcessors(), DEFAULT_PART_SIZE, 1 << 20, 4);
    }

    /** These settings with another part size. */
    public PipelineSettings withPartSize(long newPartSize) {
        return new PipelineSettings(zstdLevel, zstdWorkers, newPartSize, chunkSize, uploadQueueChunks);
    }

    /** These settings with another zstd level and worker count. */
    public PipelineSettings withZstd(int newLevel, int newWorkers) {
        return new PipelineSettings(newLevel, newWorkers, partSize, chunkSize, uploadQueueChunks);
    }
}
