package io.lifeboat.scheduler.domain;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Objects;

/**
 * Deterministic per-target jitter, so that many targets on the same cron do not all start at the same instant.
 */
public final class Stagger {

    private Stagger() {
    }

    /**
     * A stable offset in {@code [0, window)} for one target's schedule; a run scheduled at T fires at T + offset.
     *
     * <p>
     * The offset is the first 63 bits of SHA-256 over the length-prefixed target id and schedule key, scaled to the
     * window, so it is uniform, the same on every node and restart, and independent of {@code String.hashCode}.
     *
     * @param window the width of the jitter window; zero means no jitter
     * @throws IllegalArgumentException when the window is negative
     */
    public static Duration offset(String targetId, String scheduleKey, Duration window) {
        Objects.requireNonNull(targetId, "Stagger.offset: targetId");
        Objects.requireNonNull(scheduleKey, "Stagger.offset: scheduleKey");
        Objects.requireNonNull(window, "Stagger.offset: window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("Stagger.offset: window " + window + " is negative");
        }
        if (window.isZero()) {
            return Duration.ZERO;
        }
        long bits = ByteBuffer.wrap(sha256(targetId, scheduleKey)).getLong() >>> 1;
        // bits / 2^63 is uniform in [0, 1); the product is computed exactly so the result never reaches window.
        long nanos = BigInteger.valueOf(bits).multiply(BigInteger.valueOf(window.toNanos())).shiftRight(63)
                .longValueExact();
        return Duration.ofNanos(nanos);
    }

    private static byte[] sha256(String targetId, String scheduleKey) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, targetId);
            update(digest, scheduleKey);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Stagger: SHA-256 is not available in this JVM", e);
        }
    }

    // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
