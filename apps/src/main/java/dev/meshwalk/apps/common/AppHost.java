package dev.meshwalk.apps.common;

import com.sun.net.httpserver.HttpHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Where an app's routes are served: the seam between what an app answers and the threads that answer it. In a
 * container each app owns its server and workers ({@link #STANDALONE}); the local cloud runs many app instances in
 * one JVM and hosts them all on shared, idle-timed threads ({@link SharedAppRuntime}), so nine tasks do not cost
 * nine sets of worker pools.
 */
@FunctionalInterface
public interface AppHost {

    /** Each app its own JDK server and bounded worker pool, as in its container. */
    AppHost STANDALONE = AppServer::start;

    /**
     * Binds {@code address:port} (port 0 picks a free one) and serves {@code handler} on every path until the
     * returned {@link Serving} is closed.
     *
     * @throws AppConfigurationException when the address cannot be bound (in use, not local)
     */
    Serving serve(String appName, InetAddress address, int port, HttpHandler handler);

    /** One app's listener. */
    interface Serving extends AutoCloseable {
        InetSocketAddress address();

        default int port() {
            return address().getPort();
        }

        /** Lets requests in flight finish (briefly), then stops listening and releases what this listener owns. */
        @Override
        void close();
    }
}
