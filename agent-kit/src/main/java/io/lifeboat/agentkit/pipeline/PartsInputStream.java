package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.lifeboat.agentkit.pipeline.VerificationReport.Kind;
import io.lifeboat.agentkit.pipeline.VerificationReport.Problem;
import io.lifeboat.agentkit.storage.NoSuchObjectException;
import io.lifeboat.agentkit.storage.ObjectStore;

/**
 * The stored stream of an artifact, read part after part. Each part's size and SHA-256 are checked before the
 * part's last bytes are returned, and the whole stream's SHA-256 before the very last ones, so that a changed part
 * fails at its own end and is named.
 */
final class PartsInputStream extends InputStream {

    private final ObjectStore store;
    private final Manifest manifest;
    private final List<Manifest.Part> parts;
    private final MessageDigest whole = Digests.sha256();
    private final MessageDigest partDigest = Digests.sha256();
    private int index;
    private InputStream current;
    private long partRead;
    private long totalRead;

    PartsInputStream(ObjectStore store, Manifest manifest) {
        this.store = store;
        this.manifest = manifest;
        this.parts = manifest.parts();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (index == parts.size()) {
                return -1;
            }
            Manifest.Part part = parts.get(index);
            if (current == null) {
                current = open(part);
                partRead = 0;
            }
            long remaining = part.size() - partRead;
            int n = remaining == 0 ? -1 : current.read(bytes, offset, (int) Math.min(length, remaining));
            if (n < 0) {
                // Only reached by an empty or short part: a full part finishes below, before its last bytes go out.
                finishPart(part);
                continue;
            }
            partDigest.update(bytes, offset, n);
            partRead += n;
            totalRead += n;
            if (partRead == part.size()) {
                finishPart(part);
            }
            return n;
        }
    }

    /** Stored bytes read so far. */
    long bytesRead() {
        return totalRead;
    }

    /** After a downstream failure: reads the rest of the current part so that its checksum can be compared. */
    Optional<CorruptArtifactException> checkCurrentPart() {
        if (current == null) {
            return Optional.empty();
        }
        byte[] buffer = new byte[64 * 1024];
        try {
            int startIndex = index;
            while (index == startIndex && read(buffer, 0, buffer.length) >= 0) {
                // Draining: read() compares the part's checksum when its last byte arrives.
            }
            return Optional.empty();
        } catch (CorruptArtifactException e) {
            return Optional.of(e);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The part that is being read, or the last one. */
    String currentPartKey() {
        return parts.isEmpty() ? "(none)" : parts.get(Math.min(index, parts.size() - 1)).key();
    }

    private InputStream open(Manifest.Part part) throws IOException {
        try {
            return store.open(part.key());
        } catch (NoSuchObjectException e) {
            throw problem(Kind.MISSING_PART, part, "part '" + part.key() + "' of " + manifest.describe()
                    + " is missing from " + store.location(), e);
        }
    }

    private void finishPart(Manifest.Part part) throws IOException {
        if (partRead < part.size()) {
            throw problem(Kind.SIZE_MISMATCH, part, "part '" + part.key() + "' of " + manifest.describe()
                    + " is truncated: it ended after " + partRead + " bytes but the manifest says " + part.size(),
                    null);
        }
        if (current.read() >= 0) {
            throw problem(Kind.SIZE_MISMATCH, part, "part '" + part.key() + "' of " + manifest.describe()
                    + " is longer than the " + part.size() + " bytes the manifest says", null);
        }
        byte[] digest = partDigest.digest();
        whole.update(digest);
        String actual = HexFormat.of().formatHex(digest);
        if (!actual.equals(part.sha256())) {
            throw problem(Kind.CHECKSUM_MISMATCH, part, "part '" + part.key() + "' of " + manifest.describe()
                    + " fails its checksum: SHA-256 is " + actual + " but the manifest says " + part.sha256(), null);
        }
        current.close();
        current = null;
        index++;
        if (index == parts.size()) {
            String wholeActual = HexFormat.of().formatHex(whole.digest());
            if (!wholeActual.equals(manifest.sha256())) {
                throw new CorruptArtifactException(new Problem(Kind.WHOLE_CHECKSUM_MISMATCH, Optional.empty(),
                        "the stored stream of " + manifest.describe() + " fails its checksum: SHA-256 is "
                                + wholeActual + " but the manifest says " + manifest.sha256()),
                        null);
            }
        }
    }

    private static CorruptArtifactException problem(Kind kind, Manifest.Part part, String message, Throwable cause) {
        return new CorruptArtifactException(new Problem(kind, Optional.of(part.key()), message), cause);
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
