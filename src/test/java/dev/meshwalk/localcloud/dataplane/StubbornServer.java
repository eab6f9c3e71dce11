package dev.meshwalk.localcloud.dataplane;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A container's program as a real process, for {@link TaskStopTimeoutTest}: listens on {@code <address> <port>}
 * (accepting and closing connections, enough for ECS to see it alive) until it gets SIGTERM. With
 * {@code ignore-sigterm} its shutdown hook never returns, so only SIGKILL ends it, like a program that ignores the
 * stop signal; otherwise the JVM exits on SIGTERM with 143, as a containerized JVM app does.
 */
public final class StubbornServer {

    private StubbornServer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 2 && args[2].equals("ignore-sigterm")) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                while (true) {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException ignored) {
                        // keep ignoring the stop signal
                    }
                }
            }));
        }
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])));
            while (true) {
                try (Socket ignored = server.accept()) {
                    // a connection proves it is alive; nothing to answer
                }
            }
        }
    }
}
