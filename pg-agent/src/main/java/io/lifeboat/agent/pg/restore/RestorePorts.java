package io.lifeboat.agent.pg.restore;

import java.io.IOException;
import java.net.ServerSocket;

/** A free TCP port for a restored or scratch server that was given none. */
final class RestorePorts {

    private RestorePorts() {
    }

    static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
