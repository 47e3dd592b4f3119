package io.lifeboat.scheduler.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Deterministic command ids for scheduled runs, so that publishing the same due run twice is harmless downstream.
 */
public final class RunIds {

    private static final String NAMESPACE = "lifeboat:scheduled-run:v1";

    private RunIds() {
    }

    /**
     * The name-based (version 3) UUID, as a string, of one target's schedule slot.
     *
     * <p>
     * The slot is the scheduled instant, not the staggered fire time, so changing the stagger window does not
     * produce a second command for a run already published.
     */
    public static String of(String targetId, String scheduleKey, Instant scheduledAt) {
        Objects.requireNonNull(targetId, "RunIds.of: targetId");
        Objects.requireNonNull(scheduleKey, "RunIds.of: scheduleKey");
        Objects.requireNonNull(scheduledAt, "RunIds.of: scheduledAt");
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        write(name, NAMESPACE);
        write(name, targetId);
        write(name, scheduleKey);
        write(name, scheduledAt.toString());
        return UUID.nameUUIDFromBytes(name.toByteArray()).toString();
    }

    // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    private static void write(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
