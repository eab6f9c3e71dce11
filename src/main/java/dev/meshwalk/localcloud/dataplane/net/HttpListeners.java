package dev.meshwalk.localcloud.dataplane.net;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.Executor;

/**
 * Opens HTTP listeners on loopback, preferring the port a template asks for and falling back to a free port
 * when it is taken (a port clash never fails a deploy; the caller records the real port).
 */
public final class HttpListeners {

    private final Executor handlerPool;

    /** @param handlerPool the bounded, named pool that runs every listener's handlers */
    public HttpListeners(Executor handlerPool) {
        this.handlerPool = handlerPool;
    }

    /** Starts a server on {@code address:preferredPort}, or on a free port of that address if it is taken. */
    public HttpServer open(InetAddress address, int preferredPort, HttpHandler handler) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, Math.max(0, preferredPort)), 128);
        } catch (BindException taken) {
            server = HttpServer.create(new InetSocketAddress(address, 0), 128);
        }
        server.createContext("/", handler);
        server.setExecutor(handlerPool);
        server.start();
        return server;
    }

    /**
     * A port that is free on the address right now: the preferred one if it can be bound, otherwise one the
     * kernel picks. Used for an app's port, which the app binds itself a moment later.
     */
    public static int freePort(InetAddress address, int preferredPort) throws IOException {
        if (preferredPort > 0) {
            try (ServerSocket probe = new ServerSocket(preferredPort, 1, address)) {
                return probe.getLocalPort();
            } catch (BindException taken) {
                // fall through to an ephemeral port
            }
        }
        try (ServerSocket probe = new ServerSocket(0, 1, address)) {
            return probe.getLocalPort();
        }
    }
}
