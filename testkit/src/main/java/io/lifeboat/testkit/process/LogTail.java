package io.lifeboat.testkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the end of a server's log so that start failures can quote the server's own explanation. */
public final class LogTail {

    private LogTail() {
    }

    /** The last {@code lines} lines of {@code log}, or a note saying why there are none. */
    public static String of(Path log, int lines) {
        if (log == null || !Files.exists(log)) {
            return "(no log at " + log + ")";
        }
        try {
            return lastLines(new String(Files.readAllBytes(log), StandardCharsets.UTF_8), lines);
        } catch (IOException e) {
            return "(unable to read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** The last {@code lines} lines of {@code text}. */
    public static String lastLines(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
