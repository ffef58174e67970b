package ch.frontdesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** A loopback port free at run time, kept in a system property so every class loader of the JVM sees the same one. */
final class FreePort {

    private FreePort() {
    }

    static synchronized int forKey(String key) {
        String known = System.getProperty(key);
        if (known != null) {
            return Integer.parseInt(known);
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            System.setProperty(key, Integer.toString(socket.getLocalPort()));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
