package io.lifeboat.agentkit.crypto;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes that bind a wrapped data key and every encrypted segment to one backup of one target: used as the
 * master key's wrapping context and as the streaming AEAD's associated data.
 */
public final class ArtifactContext {

    private static final String PREFIX = "lifeboat-artifact/v1\n";

    private ArtifactContext() {
    }

    /** The context of backup {@code backupId} of target {@code targetId}. */
    public static byte[] of(String targetId, String backupId) {
        return (PREFIX + "target=" + targetId + "\nbackup=" + backupId).getBytes(StandardCharsets.UTF_8);
    }

    /** The context as named fields (target, backup), e.g. for a KMS encryption context; empty if not ours. */
    public static Map<String, String> fields(byte[] context) {
        String text = new String(context, StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        if (!text.startsWith(PREFIX)) {
            return fields;
        }
        for (String line : text.substring(PREFIX.length()).split("\n", -1)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return fields;
    }

    /** For error messages: {@code backup 'b' of target 't'}. */
    public static String describe(byte[] context) {
        Map<String, String> fields = fields(context);
        if (fields.containsKey("target") && fields.containsKey("backup")) {
            return "backup '" + fields.get("backup") + "' of target '" + fields.get("target") + "'";
        }
        return "an artifact with an unknown context";
    }
}
