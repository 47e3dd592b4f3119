package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import com.github.luben.zstd.RecyclingBufferPool;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.DataKey;
import io.lifeboat.agentkit.pipeline.VerificationReport.Kind;
import io.lifeboat.agentkit.pipeline.VerificationReport.Problem;

/**
 * The read path of one artifact: {@link PartsInputStream} (size and SHA-256 per part), Tink streaming AEAD (each
 * 1 MiB segment authenticated before its plaintext is released), zstd. Any failure is reported as the most specific
 * {@link CorruptArtifactException} that can be established: a failed segment is traced back to its part's checksum.
 */
final class RestoreStream extends InputStream {

    private final Manifest manifest;
    private final PartsInputStream parts;
    private final InputStream decrypted;
    private final ZstdInputStreamNoFinalizer raw;
    private long rawRead;
    private boolean ended;

    RestoreStream(Manifest manifest, PartsInputStream parts, DataKey dataKey) throws IOException {
        this.manifest = manifest;
        this.parts = parts;
        this.decrypted = dataKey.decrypting(parts, ArtifactContext.of(manifest.targetId(), manifest.backupId()));
        this.raw = new ZstdInputStreamNoFinalizer(decrypted, RecyclingBufferPool.INSTANCE);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        try {
            int n = raw.read(bytes, offset, length);
            if (n < 0) {
                end();
                return -1;
            }
            rawRead += n;
            return n;
        } catch (IOException | RuntimeException e) {
            throw specific(e);
        }
    }

    /** Stored bytes read so far. */
    long storedBytesRead() {
        return parts.bytesRead();
    }

    /** Raw bytes returned so far. */
    long rawBytesRead() {
        return rawRead;
    }

    private void end() throws IOException {
        // Reading the decrypted stream to its end authenticates the last segment (and that nothing was cut off)
        // and makes the parts stream check the last part and the whole stream.
        if (decrypted.read() >= 0) {
            throw unreadable("data follows the end of the compressed stream", null);
        }
        if (rawRead != manifest.sizes().raw()) {
            throw unreadable("restored " + rawRead + " bytes but the manifest says " + manifest.sizes().raw(), null);
        }
        ended = true;
    }

    private IOException specific(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CorruptArtifactException corrupt) {
                return corrupt;
            }
        }
        // Decryption or decompression failed: if the part being read changed, say so with both checksums.
        Optional<CorruptArtifactException> changed = parts.checkCurrentPart();
        if (changed.isPresent()) {
            changed.get().addSuppressed(failure);
            return changed.get();
        }
        return unreadable("part '" + parts.currentPartKey() + "' matches its checksum but does not decrypt or "
                + "decompress (" + failure.getMessage() + ")", failure);
    }

    private CorruptArtifactException unreadable(String what, Throwable cause) {
        return new CorruptArtifactException(new Problem(Kind.UNREADABLE, Optional.empty(),
                "unable to read " + manifest.describe() + ": " + what), cause);
    }

    @Override
    public void close() throws IOException {
        try {
            raw.close();
        } finally {
            parts.close();
        }
    }
}
