package io.lifeboat.agentkit.pipeline;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading back a whole artifact: every part's size and SHA-256, every encryption segment and the
 * decompressed stream.
 *
 * @param targetId the target of the backup
 * @param backupId the backup that was checked
 * @param ok true when no problem was found
 * @param bytesChecked stored bytes read and checked
 * @param rawBytes raw bytes restored (and discarded)
 * @param problems what is wrong, first problem first
 */
public record VerificationReport(String targetId, String backupId, boolean ok, long bytesChecked, long rawBytes,
        List<Problem> problems) {

    /** Copies the problems. */
    public VerificationReport {
        problems = List.copyOf(problems);
    }

    /** The key of the first part with a problem, if a problem concerns a part. */
    public Optional<String> firstBadPart() {
        return problems.stream().flatMap(p -> p.partKey().stream()).findFirst();
    }

    /** The kinds of problem the pipeline tells apart. */
    public enum Kind {
        /** A part listed in the manifest is not in the store. */
        MISSING_PART,
        /** A part's size differs from the manifest: truncated or appended to. */
        SIZE_MISMATCH,
        /** A part's SHA-256 differs from the manifest: its bytes changed. */
        CHECKSUM_MISMATCH,
        /** The whole stream's SHA-256 differs from the manifest although each part matched. */
        WHOLE_CHECKSUM_MISMATCH,
        /** The master key cannot unwrap the data key. */
        WRONG_KEY,
        /** Decryption or decompression failed although the stored bytes match the manifest. */
        UNREADABLE
    }

    /**
     * One problem.
     *
     * @param kind what is wrong
     * @param partKey the part concerned, if any
     * @param message what is wrong, naming the backup, the part and the cause
     */
    public record Problem(Kind kind, Optional<String> partKey, String message) {
    }
}
