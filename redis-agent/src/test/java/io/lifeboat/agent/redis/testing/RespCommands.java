package io.lifeboat.agent.redis.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal RESP client for tests: sends one command, returns its reply flattened to text ({@link #call}) or, for
 * binary replies such as DUMP, the raw bulk bytes ({@link #bulk}).
 */
public final class RespCommands implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RespCommands(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a command; an error reply fails the test with the command in the message. */
    public String call(String... args) {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return flatten(send(raw));
    }

    /** Sends a command with binary arguments; returns a bulk reply's bytes (null for nil), others as UTF-8. */
    public byte[] bulk(byte[]... args) {
        Object reply = send(args);
        if (reply == null || reply instanceof byte[]) {
            return (byte[]) reply;
        }
        return flatten(reply).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends a command whose reply is an array; returns its elements as text (nested arrays flattened). */
    public List<String> list(String... args) {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        Object reply = send(raw);
        List<String> items = new ArrayList<>();
        if (reply instanceof List<?> list) {
            list.forEach(element -> items.add(flatten(element)));
        } else if (reply != null) {
            items.add(flatten(reply));
        }
        return items;
    }

    private Object send(byte[][] args) {
        try {
            ByteArrayOutputStream command = new ByteArrayOutputStream();
            command.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            for (byte[] arg : args) {
                command.writeBytes(("$" + arg.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                command.writeBytes(arg);
                command.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write(command.toByteArray());
            out.flush();
            return reply(args.length == 0 ? "" : new String(args[0], StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object reply(String command) throws IOException {
        String line = line();
        switch (line.charAt(0)) {
            case '+' :
            case ':' :
                return line.substring(1);
            case '-' :
                throw new IllegalStateException(command + " failed: " + line);
            case '$' : {
                int length = Integer.parseInt(line.substring(1));
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return java.util.Arrays.copyOf(bytes, length);
            }
            case '*' : {
                int count = Integer.parseInt(line.substring(1));
                if (count < 0) {
                    return null;
                }
                List<Object> all = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    all.add(reply(command));
                }
                return all;
            }
            default :
                throw new IllegalStateException("unexpected reply to " + command + ": " + line);
        }
    }

    private static String flatten(Object reply) {
        if (reply == null) {
            return null;
        }
        if (reply instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (reply instanceof List<?> list) {
            StringBuilder all = new StringBuilder();
            for (Object element : list) {
                all.append(all.isEmpty() ? "" : " ").append(flatten(element));
            }
            return all.toString();
        }
        return reply.toString();
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
