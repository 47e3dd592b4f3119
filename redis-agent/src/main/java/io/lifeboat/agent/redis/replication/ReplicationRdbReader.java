package io.lifeboat.agent.redis.replication;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Fetches an RDB from a Redis server the way a replica (or {@code redis-cli --rdb}) does and streams it to an
 * output, returning the framing, byte count and replication offset.
 * <p>
 * Hand-written because no Java Redis client (Jedis, Lettuce, Redisson) exposes the replica side of {@code SYNC} /
 * {@code PSYNC}; the protocol is a few lines of text followed by the raw RDB. See DESIGN.md in this package.
 */
public final class ReplicationRdbReader {

    private final ReplicationSource source;

    public ReplicationRdbReader(ReplicationSource source) {
        this.source = source;
    }

    /** Connects, performs the handshake and writes the RDB to {@code out}; does not close {@code out}. */
    public RdbSnapshot fetch(OutputStream out) throws ReplicationException {
        try (Socket socket = new Socket()) {
            connect(socket);
            socket.setSoTimeout((int) source.readTimeout().toMillis());
            ReplicationHandshake handshake = new ReplicationHandshake(
                    new BufferedInputStream(socket.getInputStream(), 64 * 1024),
                    new BufferedOutputStream(socket.getOutputStream()), source);
            return handshake.run(out);
        } catch (ReplicationException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new ReplicationException("redis " + source.address() + ": no data from the source for "
                    + source.readTimeout().toMillis() + " ms (read timeout): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ReplicationException("redis " + source.address() + ": unable to fetch the RDB: " + e, e);
        }
    }

    private void connect(Socket socket) throws ReplicationException {
        try {
            socket.connect(new InetSocketAddress(source.host(), source.port()),
                    (int) source.connectTimeout().toMillis());
        } catch (IOException e) {
            throw new ReplicationException("redis " + source.address() + ": unable to connect within "
                    + source.connectTimeout().toMillis() + " ms: " + e, e);
        }
    }
}
