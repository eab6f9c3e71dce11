package dev.meshwalk.localcloud;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.wire.RestJsonRoutes;
import dev.meshwalk.localcloud.wire.WireRouter;
import dev.meshwalk.localcloud.wire.WireServer;

/**
 * The local cloud as one object: an AWS-compatible endpoint on loopback serving the registered services.
 *
 * <pre>{@code
 * try (LocalCloud cloud = LocalCloud.builder().service(cloudFormation).onClose(dataPlane).build().start()) {
 *     URI endpoint = cloud.endpoint();   // http://127.0.0.1:<ephemeral port>
 * }
 * }</pre>
 *
 * <p>The tutorial embeds it on an ephemeral port; the {@code localcloud} command runs it alone on a fixed
 * one. It knows services only through {@link AwsService}, so the composition root decides which exist.
 * {@link #close()} stops the endpoint first (no new requests), then closes the services that are
 * {@link AutoCloseable} and the extra resources registered with {@link Builder#onClose}, in reverse order.
 */
public final class LocalCloud implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);

    static {
        // Before any service or data-plane component can create a JDK HttpServer (see WireServer).
        WireServer.preferNoDelay();
    }

    /** Default bound on a request body after decompression; larger bodies get a 413. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024;

    private final String host;
    private final int port;
    private final List<AwsService> services;
    private final List<AutoCloseable> closeables;
    private final int threads;
    private final int maxRequestBytes;
    private final RestJsonRoutes restRoutes;

    private WireServer server;
    private boolean closed;

    private LocalCloud(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.services = List.copyOf(b.services);
        this.closeables = List.copyOf(b.closeables);
        this.threads = b.threads;
        this.maxRequestBytes = b.maxRequestBytes;
        this.restRoutes = b.restRoutes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening.
     *
     * @throws LocalCloudStartException when the address cannot be bound (the message names the next step)
     * @throws IllegalStateException    when already started or closed
     */
    public synchronized LocalCloud start() {
        if (server != null || closed) {
            throw new IllegalStateException(closed ? "This local cloud was closed; build a new one" : "Already started");
        }
        WireRouter router = new WireRouter(services, restRoutes);
        try {
            server = WireServer.start(new InetSocketAddress(InetAddress.getByName(host), port), router, threads,
                    maxRequestBytes);
        } catch (BindException e) {
            closeRegistered();
            closed = true;
            throw new LocalCloudStartException("Cannot listen on " + host + ":" + port + ": " + e.getMessage()
                    + ". Another program (perhaps another local cloud) uses that port; stop it, or choose another"
                    + " port with --port (0 picks a free one).", true, e);
        } catch (IOException e) {
            closeRegistered();
            closed = true;
            throw new LocalCloudStartException("Cannot listen on " + host + ":" + port + ": " + e.getMessage(),
                    false, e);
        }
        return this;
    }

    /** The endpoint clients use, e.g. {@code http://127.0.0.1:4566}. */
    public synchronized URI endpoint() {
        if (server == null) {
            throw new IllegalStateException("The local cloud is not started");
        }
        InetSocketAddress address = server.address();
        String literal = address.getAddress().getHostAddress();
        if (literal.contains(":")) {
            literal = "[" + literal + "]";
        }
        return URI.create("http://" + literal + ":" + address.getPort());
    }

    /** The signing names of the services served, e.g. {@code [cloudformation, monitoring, xray]}. */
    public Set<String> serviceNames() {
        return new WireRouter(services, restRoutes).signingNames();
    }

    /** Each served service's declared operations by signing name (empty for one that checks them itself). */
    public Map<String, Set<String>> operations() {
        Map<String, Set<String>> out = new TreeMap<>();
        services.forEach(s -> out.put(s.signingName(), new TreeSet<>(s.operations())));
        return out;
    }

    /** Stops the endpoint, then the services and resources registered; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server != null) {
            server.close();
        }
        closeRegistered();
    }

    private void closeRegistered() {
        List<AutoCloseable> all = new ArrayList<>();
        for (AwsService service : services) {
            if (service instanceof AutoCloseable c) {
                all.add(c);
            }
        }
        all.addAll(closeables);
        Collections.reverse(all);
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed: {}", c, e.toString());
            } 
        }
    }

    /** Configures a {@link LocalCloud}; defaults: 127.0.0.1, an ephemeral port, 16 threads, 10 MB bodies. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private final List<AwsService> services = new ArrayList<>();
        private final List<AutoCloseable> closeables = new ArrayList<>();
        private boolean allowNonLoopback;
        private int threads = 16;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
        private RestJsonRoutes restRoutes = RestJsonRoutes.standard();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The port; 0 (the default) picks a free one, read it back with {@link LocalCloud#endpoint()}. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " is outside 0..65535");
            }
            this.port = port;
            return this;
        }

        public Builder service(AwsService... more) {
            services.addAll(Arrays.asList(more));
            return this;
        }

        public Builder services(List<? extends AwsService> more) {
            services.addAll(more);
            return this;
        }

        /** Resources to close after the endpoint stops (data plane, stores), closed in reverse order. */
        public Builder onClose(AutoCloseable... more) {
            closeables.addAll(Arrays.asList(more));
            return this;
        }

        /** Allows binding to an address other than loopback; the local cloud has no authentication. */
        public Builder allowNonLoopback(boolean allow) {
            this.allowNonLoopback = allow;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("At least one thread is needed");
            }
            this.threads = threads;
            return this;
        }

        public Builder maxRequestBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("The request size bound must be positive");
            }
            this.maxRequestBytes = bytes;
            return this;
        }

        /** Replaces the restJson1 path table (X-Ray's by default). */
        public Builder restRoutes(RestJsonRoutes routes) {
            this.restRoutes = routes;
            return this;
        }

        /**
         * @throws IllegalArgumentException for a non-loopback host without {@link #allowNonLoopback}, an
         *                                  unknown host, or two services with one signing name
         */
        public LocalCloud build() {
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Unknown host '" + host + "'", e);
            }
            if (!address.isLoopbackAddress() && !allowNonLoopback) {
                throw new IllegalArgumentException("Host " + host + " is not a loopback address; the local cloud"
                        + " has no authentication, so it listens on loopback (127.0.0.1) unless explicitly allowed");
            }
            new WireRouter(services, restRoutes); // fails early on duplicate signing names
            return new LocalCloud(this);
        }
    }
}
