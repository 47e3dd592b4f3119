package io.lifeboat.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Chooses listening ports for the local stack: the preferred one when it is free, otherwise any free one. */
final class Ports {

    private Ports() {
    }

    /** {@code preferred} if nothing listens on it on the loopback address, else a free port the system picks. */
    static int freeOr(int preferred) {
        try (ServerSocket socket = new ServerSocket(preferred, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException taken) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("unable to find a free port for a service", e);
            }
        }
    }
}
