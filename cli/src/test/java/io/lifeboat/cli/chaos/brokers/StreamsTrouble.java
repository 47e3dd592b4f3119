package io.lifeboat.cli.chaos.brokers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a running Kafka Streams service's log for the ways its consumers die: a stream thread shutting down, the
 * client going to {@code ERROR}, {@code PENDING_ERROR} or {@code NOT_RUNNING}, an exception that ends a thread. Only
 * meaningful before the service is stopped, since a clean shutdown takes the same transitions.
 */
final class StreamsTrouble {

    private static final Pattern THREAD_DOWN = Pattern
            .compile("stream-thread \\[([^\\]]+)\\] State transition from (\\w+) to (PENDING_SHUTDOWN|DEAD)");
    private static final Pattern CLIENT_DOWN = Pattern.compile(
            "stream-client \\[([^\\]]+)\\] State transition from (\\w+) to (ERROR|PENDING_ERROR|NOT_RUNNING)");
    private static final Pattern THREAD_NAME = Pattern.compile("stream-thread \\[([^\\]]+)\\]");
    private static final Pattern FATAL = Pattern.compile("the thread is going to shut down|uncaught exception handler",
            Pattern.CASE_INSENSITIVE);

    private StreamsTrouble() {
    }

    /** One line per dead stream thread (with its fatal error when the log has one) or failed client. */
    static List<String> scan(List<String> logLines) {
        Map<String, String> troubles = new LinkedHashMap<>();
        for (String line : logLines) {
            Matcher thread = THREAD_DOWN.matcher(line);
            Matcher client = CLIENT_DOWN.matcher(line);
            if (FATAL.matcher(line).find()) {
                Matcher named = THREAD_NAME.matcher(line);
                String key = named.find() ? "thread " + named.group(1) : "fatal " + line.strip();
                troubles.put(key, key.startsWith("thread ")
                        ? "stream " + key + " died: " + line.strip()
                        : "fatal stream error: " + line.strip());
            } else if (thread.find()) {
                troubles.putIfAbsent("thread " + thread.group(1), "stream thread " + thread.group(1)
                        + " shut down while the catalog was running (" + thread.group(2) + " to " + thread.group(3)
                        + ")");
            } else if (client.find()) {
                troubles.putIfAbsent("client " + client.group(1), "Kafka Streams client " + client.group(1)
                        + " went from " + client.group(2) + " to " + client.group(3));
            }
        }
        return List.copyOf(troubles.values());
    }
}
