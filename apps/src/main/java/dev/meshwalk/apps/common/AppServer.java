package dev.meshwalk.apps.common;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK HTTP server with a bounded, named executor and an orderly stop: how an app serves in its container
 * ({@link AppHost#STANDALONE}). Worker threads are named {@code <app>-http-<address>:<port>-<n>} so a thread dump
 * says which task each thread serves; they time out when idle, so an idle task holds no workers. In the local cloud
 * the same server runs on an executor shared by every in-process app ({@link #startOn}), which it does not own.
 */
public final class AppServer implements AppHost.Serving {
    /** Upper bound on concurrent requests per app instance; beyond it the queue absorbs bursts. */
    static final int MAX_WORKERS = 8;
    private static final int QUEUE_CAPACITY = 256;
    /** How long {@link #close()} lets in-flight requests finish before cutting them off. */
    private static final long STOP_GRACE_MILLIS = 1000;
    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    /** Its own workers, stopped on close; null when it runs on a shared executor it does not own. */
    private final ThreadPoolExecutor workers;
    private final InFlight inFlight;

    private AppServer(HttpServer server, ThreadPoolExecutor workers, InFlight inFlight) {
        this.server = server;
        this.workers = workers;
        this.inFlight = inFlight;
    }

    /**
     * Binds {@code address:port} (port 0 picks a free one) and starts serving {@code handler} on every path.
     *
     * @throws AppConfigurationException when the address cannot be bound (in use, not local)
     */
    public static AppServer start(String appName, InetAddress address, int port, HttpHandler handler) {
        HttpServer server = bind(address, port);
        String prefix = threadNamePrefix(appName, server) + "-";
        ThreadPoolExecutor workers = new ThreadPoolExecutor(MAX_WORKERS, MAX_WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), new NamedThreads(prefix),
                new ThreadPoolExecutor.CallerRunsPolicy());
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        return serve(server, handler, workers, null);
    }

    /**
     * As {@link #start}, but requests run on {@code shared}, an executor this server neither owns nor stops. While a
     * shared thread serves this app it carries the name {@code <app>-http-<address>:<port>}, so a thread dump still
     * says which task it is working for.
     */
    public static AppServer startOn(Executor shared, String appName, InetAddress address, int port,
                                    HttpHandler handler) {
        HttpServer server = bind(address, port);
        String name = threadNamePrefix(appName, server);
        server.setExecutor(shared);
        return serve(server, handler, null, name);
    }

    private static HttpServer bind(InetAddress address, int port) {
        preferNoDelay();
        try {
            return HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException bindFailed) {
            throw new AppConfigurationException("cannot listen on " + address.getHostAddress() + ":" + port
                    + " (" + bindFailed.getMessage() + "); choose another PORT or BIND_ADDRESS");
        }
    }

    private static String threadNamePrefix(String appName, HttpServer server) {
        InetSocketAddress bound = server.getAddress();
        return appName + "-http-" + bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    private static AppServer serve(HttpServer server, HttpHandler handler, ThreadPoolExecutor ownWorkers,
                                   String threadName) {
        InFlight inFlight = new InFlight();
        HttpHandler tracked = inFlight.track(handler);
        server.createContext("/", threadName == null ? tracked : named(threadName, tracked));
        server.start();
        return new AppServer(server, ownWorkers, inFlight);
    }

    /** Runs {@code handler} under the thread name {@code name}, restoring the shared thread's own name after. */
    private static HttpHandler named(String name, HttpHandler handler) {
        return exchange -> {
            Thread current = Thread.currentThread();
            String own = current.getName();
            current.setName(name);
            try {
                handler.handle(exchange);
            } finally {
                current.setName(own);
            }
        };
    }

    /**
     * The JDK server writes a response's headers and body in two TCP segments; with Nagle's algorithm on,
     * the body then waits for the client's delayed ACK, about 40 ms per request (measured here: 45 ms per
     * call without, 2 ms with). The server only exposes TCP_NODELAY through this JVM-wide property, read
     * once when the first {@link HttpServer} is created, so it is set here unless someone chose a value;
     * a JVM that starts other JDK servers first should pass {@code -Dsun.net.httpserver.nodelay=true}.
     */
    private static void preferNoDelay() {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    /** Names its threads and keeps them, so {@link #close()} can wait until each has really ended. */
    private static final class NamedThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger counter = new AtomicInteger();
        private final List<Thread> started = new CopyOnWriteArrayList<>();

        NamedThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            started.removeIf(old -> !old.isAlive()); // idle workers end and are replaced; keep only the living
            started.add(thread);
            return thread;
        }

        /** The pool reports termination while its last worker is still leaving {@code run()}; wait for that too. */
        void awaitEnded(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            for (Thread thread : started) {
                long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remaining > 0) {
                    thread.join(remaining);
                }
            }
        }
    }

    @Override
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Lets in-flight requests finish (up to a second), stops the server, then every worker thread it owns.
     * The draining is done here rather than by {@code HttpServer.stop(delay)} because Java 17's stop
     * always sleeps the whole delay, which would cost the local cloud a second per stopped task.
     */
    @Override
    public void close() {
        inFlight.awaitIdle(STOP_GRACE_MILLIS);
        server.stop(0);
        if (workers == null) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
            ((NamedThreads) workers.getThreadFactory()).awaitEnded(1000);
        } catch (InterruptedException interrupted) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Counts requests being handled, so {@link #close()} can wait for exactly those. */
    private static final class InFlight {
        private final InFlightRequests requests = new InFlightRequests();

        HttpHandler track(HttpHandler handler) {
            return exchange -> {
                requests.started();
                try {
                    handler.handle(exchange);
                } catch (RuntimeException | Error unexpected) {
                    failSafely(exchange, unexpected);
                } finally {
                    requests.ended();
                }
            };
        }

        /**
         * A handler that throws leaves the JDK server holding an open exchange and its client waiting
         * forever; answer 500 (when nothing was sent yet), close it, and say what went wrong on stderr.
         */
        private static void failSafely(HttpExchange exchange, Throwable unexpected) {
            System.err.println(Thread.currentThread().getName() + ": request to " + exchange.getRequestURI()
                    + " failed: " + unexpected);
            try {
                if (exchange.getResponseCode() < 0) {
                    exchange.sendResponseHeaders(500, -1);
                }
            } catch (IOException | RuntimeException ignored) {
                // the client is gone or the answer was half sent; closing is all that is left
            } finally {
                exchange.close();
            }
        }

        void awaitIdle(long graceMillis) {
            requests.awaitIdle(graceMillis);
        }
    }
}
