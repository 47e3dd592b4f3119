package io.lifeboat.agent.redis.replication;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The replica side of a full synchronisation over an open connection: AUTH, REPLCONF, SYNC or PSYNC, then the RDB
 * payload copied to an output; independent of sockets so that it can be fed byte streams in tests.
 */
final class ReplicationHandshake {

    private final InputStream in;
    private final OutputStream toServer;
    private final ReplicationSource source;
    private final ReplyLines replies;

    /** {@code in} should be buffered: replies are read a byte at a time. */
    ReplicationHandshake(InputStream in, OutputStream toServer, ReplicationSource source) {
        this.in = in;
        this.toServer = toServer;
        this.source = source;
        this.replies = new ReplyLines(in, source.address());
    }

    RdbSnapshot run(OutputStream out) throws IOException {
        if (source.password() != null) {
            if (source.user() == null) {
                call("AUTH (password only)", "AUTH", source.password());
            } else {
                call("AUTH (user " + source.user() + ")", "AUTH", source.user(), source.password());
            }
        }
        // capa eof: we can read the diskless $EOF: framing, so the source may stream without a temp file.
        call("REPLCONF capa eof", "REPLCONF", "capa", "eof");
        // rdb-only (Redis 7+): send the RDB and no replication stream after it. Older servers reply -ERR: harmless.
        send("REPLCONF", "rdb-only", "1");
        String rdbOnly = replies.next("waiting for the reply to REPLCONF rdb-only");
        if (rdbOnly.startsWith("-NOAUTH")) {
            throw replies.failure("REPLCONF rdb-only", rdbOnly);
        }
        String replicationId = null;
        long offset = -1;
        if (source.syncCommand() == SyncCommand.PSYNC) {
            send("PSYNC", "?", "-1");
            String line = replies.nextSkippingKeepAlives("waiting for the reply to PSYNC");
            String[] parts = line.split(" ");
            if (!parts[0].equals("+FULLRESYNC") || parts.length != 3) {
                throw replies.failure("PSYNC ? -1", line);
            }
            replicationId = parts[1];
            offset = parseLong(parts[2], "PSYNC ? -1", line);
        } else {
            send("SYNC");
        }
        return payload(out, replicationId, offset);
    }

    private RdbSnapshot payload(OutputStream out, String replicationId, long offset) throws IOException {
        String command = source.syncCommand() == SyncCommand.PSYNC ? "PSYNC ? -1" : "SYNC";
        String header = replies.nextSkippingKeepAlives("waiting for the RDB payload after " + command);
        if (!header.startsWith("$")) {
            throw replies.failure(command, header);
        }
        if (header.startsWith("$EOF:")) {
            byte[] mark = header.substring(5).getBytes(StandardCharsets.ISO_8859_1);
            if (mark.length != PayloadCopy.EOF_MARK_LENGTH) {
                throw replies.failure(command + " (an end-of-payload mark of " + mark.length + " bytes)", header);
            }
            long bytes = PayloadCopy.copyUntilMark(in, out, mark, source.address());
            return new RdbSnapshot(RdbFraming.EOF_MARK, bytes, replicationId, offset);
        }
        long length = parseLong(header.substring(1), command, header);
        if (length < 0) {
            throw replies.failure(command, header);
        }
        long bytes = PayloadCopy.copyLength(in, out, length, source.address());
        return new RdbSnapshot(RdbFraming.LENGTH, bytes, replicationId, offset);
    }

    private void call(String description, String... args) throws IOException {
        send(args);
        replies.expectStatus(description);
    }

    /** Sends a command as a RESP array of bulk strings, so that passwords with spaces need no quoting. */
    private void send(String... args) throws IOException {
        StringBuilder command = new StringBuilder().append('*').append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            command.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        toServer.write(command.toString().getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private long parseLong(String text, String command, String line) throws ReplicationException {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw replies.failure(command, line);
        }
    }
}
