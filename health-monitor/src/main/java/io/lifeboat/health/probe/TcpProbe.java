package io.lifeboat.health.probe;

import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Opens a TCP connection to a host and port and closes it again: the port accepts connections.
 */
final class TcpProbe extends TimedProbe {

    private final String host;
    private final int port;

    TcpProbe(String name, String host, int port) {
        super(name, host + ":" + port);
        this.host = host;
        this.port = port;
    }

    @Override
    Outcome check(Attempt attempt) throws Exception {
        attempt.step("connect");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), attempt.timeoutMillis());
        }
        return Outcome.plain();
    }
}
