package io.lifeboat.agent.redis.replication;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the source's single-line replies ({@code +OK}, {@code -ERR ...}, {@code $...}) from the connection. */
final class ReplyLines {

    /** Longer than any reply of the handshake; guards against a peer that is not Redis. */
    private static final int MAX_LINE = 1024;

    private final InputStream in;
    private final String server;

    ReplyLines(InputStream in, String server) {
        this.in = in;
        this.server = server;
    }

    /** The next line without its CR LF; an empty string is a keep-alive newline. */
    String next(String waitingFor) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read();; b = in.read()) {
            if (b == -1) {
                throw new ReplicationException("redis " + server + ": the source closed the connection while "
                        + waitingFor + (line.length() == 0 ? "" : " (partial reply '" + line + "')"));
            }
            if (b == '\n') {
                int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r'
                        ? line.length() - 1
                        : line.length();
                return line.substring(0, end);
            }
            if (line.length() >= MAX_LINE) {
                throw new ReplicationException("redis " + server + ": a reply longer than " + MAX_LINE
                        + " bytes while " + waitingFor + "; is this a Redis server?");
            }
            line.append((char) (b & 0xff));
        }
    }

    /** The next line that is not a keep-alive newline (the source sends those while it prepares the RDB). */
    String nextSkippingKeepAlives(String waitingFor) throws IOException {
        String line;
        do {
            line = next(waitingFor);
        } while (line.isEmpty());
        return line;
    }

    /** Reads one reply and fails with a message naming the command unless it is a {@code +} status. */
    String expectStatus(String command) throws IOException {
        String line = next("waiting for the reply to " + command);
        if (line.startsWith("+")) {
            return line.substring(1);
        }
        throw failure(command, line);
    }

    /** The exception for an unexpected or error reply to a command; the error text is the cause. */
    ReplicationException failure(String command, String line) {
        if (line.startsWith("-NOAUTH")) {
            return new ReplicationException("redis " + server + ": " + command
                    + " refused, the source requires authentication and no password was configured: " + line);
        }
        if (line.startsWith("-WRONGPASS") || (command.startsWith("AUTH") && line.startsWith("-"))) {
            return new ReplicationException("redis " + server + ": authentication failed: " + line);
        }
        if (line.startsWith("-")) {
            return new ReplicationException("redis " + server + ": " + command + " failed: " + line.substring(1));
        }
        return new ReplicationException("redis " + server + ": unexpected reply to " + command + ": '" + line
                + "'");
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
