package dev.meshwalk.localcloud.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local cloud's one HTTP endpoint: the JDK's {@link HttpServer} (HTTP/1.1, keep-alive, Content-Length
 * answers) on a bounded pool of threads named {@code localcloud-http-N}, handing each exchange to the
 * {@link WireRouter}.
 *
 * <p>The pool is bounded in threads and hands each request straight to an idle thread, starting a new one only
 * when none is idle: a CLI sending one request after another keeps one thread, where a pool with a waiting line
 * started a new thread per request up to its bound. When every thread is busy the accepting thread runs the
 * request itself, which slows intake instead of dropping connections. Idle threads end after
 * {@value #IDLE_SECONDS} s, so a local cloud nobody is calling costs no worker threads.
 */
public final class WireServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WireServer.class);

    /** The JDK server's switch for TCP_NODELAY on accepted connections; read once per JVM. */
    static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    /** How long a worker with nothing to do stays. */
    static final long IDLE_SECONDS = 5;

    static {
        preferNoDelay();
    }

    /**
     * Turns on TCP_NODELAY for every JDK {@code HttpServer} of this JVM, unless the user chose otherwise.
     * Call it before the first server is created (the {@link dev.meshwalk.localcloud.LocalCloud} facade
     * does so when it is first used); calling it again is harmless.
     */
    public static void preferNoDelay() {
        // The JDK server flushes response headers and body as two writes. With Nagle's algorithm on (the
        // JDK default) the body waits for the client's delayed ACK of the headers: about 40 ms added to
        // every keep-alive request on Linux (measured: ~45 ms -> ~3 ms per DescribeStacks). The property
        // is read when the first HttpServer of the JVM is created, so set it before that, unless the user
        // chose otherwise.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final WireRouter router;
    private final int maxBodyBytes;
    private final InetSocketAddress address;

    private WireServer(HttpServer server, ThreadPoolExecutor executor, WireRouter router, int maxBodyBytes) {
        this.server = server;
        this.address = server.getAddress();
        this.executor = executor;
        this.router = router;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IOException when the address cannot be bound (for example {@link java.net.BindException} when
     *                     the port is taken)
     */
    public static WireServer start(InetSocketAddress address, WireRouter router, int threads, int maxBodyBytes)
            throws IOException {
        HttpServer server = HttpServer.create(address, 128);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), namedThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
        WireServer wire = new WireServer(server, executor, router, maxBodyBytes);
        server.createContext("/", wire::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Local cloud listening on {} serving {}", server.getAddress(), router.signingNames());
        return wire;
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    private void handle(HttpExchange exchange) {
        try {
            URI uri = exchange.getRequestURI();
            String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
            WireRequest request = new WireRequest(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
                    exchange.getRequestHeaders(),
                    () -> RequestBodies.read(exchange.getRequestBody(), encoding, maxBodyBytes));
            send(exchange, router.handle(request));
        } catch (IOException e) {
            LOG.debug("Client went away during {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                    e.getMessage());
        } catch (RuntimeException | Error e) {
            LOG.error("Unexpected failure answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            trySendInternalFailure(exchange);
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, WireResponse response) throws IOException {
        if (response.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            exchange.getResponseHeaders().set(h.getKey(), h.getValue());
        }
        byte[] body = response.body();
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        }
        exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void trySendInternalFailure(HttpExchange exchange) {
        try {
            send(exchange, WireResponse.text(500, "application/json",
                    "{\"__type\":\"InternalFailure\",\"message\":\"The local cloud failed; its log has the details\"}"));
        } catch (IOException | RuntimeException ignored) {
            // headers may already be sent; closing the exchange is all that is left
        }
    }

    /** Stops accepting, closes connections and stops the worker threads. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("Local cloud on {} stopped", address);
    }

    private static ThreadFactory namedThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "localcloud-http-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
