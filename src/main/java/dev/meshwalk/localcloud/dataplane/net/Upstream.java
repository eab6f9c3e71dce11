package dev.meshwalk.localcloud.dataplane.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The data plane's one HTTP client: forwards requests to upstreams (targets, app ports, proxies) over keep-alive
 * connections pooled per endpoint on the shared event loop, dropping hop-by-hop headers both ways. The request
 * body is sent from the caller's buffer (so a proxy can send it again on a retry); the answer comes back as an
 * {@link UpstreamResponse} whose body streams.
 */
public final class Upstream implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110), plus the ones this client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");
    /** Idle pooled connections close after this (the JDK servers of the apps close theirs after 30 s). */
    private static final int IDLE_SECONDS = 20;
    /** Methods that may be sent again when a pooled connection turns out to have been closed by the upstream. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE");

    static final AttributeKey<Boolean> FRESH = AttributeKey.valueOf("meshwalk.upstream.fresh");

    private final NettyLoop loop;
    /** Per event loop, per endpoint: a request and its upstream connection stay on the thread that read it. */
    private final Map<EventExecutor, AbstractChannelPoolMap<InetSocketAddress, SimpleChannelPool>> pools =
            new IdentityHashMap<>();

    public Upstream(NettyLoop loop, Duration connectTimeout) {
        this.loop = loop;
        for (EventExecutor executor : loop.group()) {
            Bootstrap bootstrap = new Bootstrap()
                    .group((EventLoop) executor)
                    .channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis());
            pools.put(executor, new AbstractChannelPoolMap<>() {
                @Override
                protected SimpleChannelPool newPool(InetSocketAddress endpoint) {
                    return new SimpleChannelPool(bootstrap.clone().remoteAddress(endpoint),
                            new AbstractChannelPoolHandler() {
                                @Override
                                public void channelCreated(Channel channel) {
                                    channel.attr(FRESH).set(true);
                                    channel.pipeline().addLast(new IdleStateHandler(0, 0, IDLE_SECONDS),
                                            new HttpClientCodec(), new UpstreamExchange.Handler());
                                }
                            });
                }
            });
        }
    }

    /**
     * The pools of the event loop running the caller (a proxy handling a call), so no request changes threads on
     * its way through; callers outside the loop (health checks) take turns.
     */
    private AbstractChannelPoolMap<InetSocketAddress, SimpleChannelPool> poolsHere() {
        for (EventExecutor executor : loop.group()) {
            if (executor.inEventLoop()) {
                return pools.get(executor);
            }
        }
        return pools.get(loop.group().next());
    }

    /** A request read off a listener, ready to be sent (possibly several times while its call is unanswered). */
    public record BufferedRequest(String method, String pathAndQuery, HttpHeaders headers, ByteBuf body,
                                  String clientAddress) {

        static BufferedRequest of(FullHttpRequest message, String clientAddress) {
            return new BufferedRequest(message.method().name(), pathAndQuery(message.uri()), message.headers(),
                    message.content(), clientAddress);
        }

        /** A body-less request built here (health checks). */
        static BufferedRequest get(String pathAndQuery, Map<String, String> headers) {
            HttpHeaders h = new DefaultHttpHeaders();
            headers.forEach(h::set);
            return new BufferedRequest("GET", pathAndQuery, h, Unpooled.EMPTY_BUFFER, null);
        }

        public String header(String name) {
            return headers.get(name);
        }

        public String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }

        /** Origin form of a request target; an absolute target (through {@code HTTP_PROXY}) loses its authority. */
        private static String pathAndQuery(String target) {
            if (target.startsWith("/")) {
                return target;
            }
            try {
                URI uri = URI.create(target);
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            } catch (IllegalArgumentException notAUri) {
                return "/";
            }
        }
    }

    /** A small answer the data plane writes itself (errors, admin pages). */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public static Answer plain(int status, String text) {
            return new Answer(status, Map.of("content-type", List.of("text/plain; charset=utf-8")),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What a health check got back. */
    public record Probe(int statusCode, String body) {
    }

    /** Whether a header travels on to the next hop (it is not hop-by-hop and not one this client sets). */
    static boolean forwards(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !NOT_FORWARDED.contains(lower) && !lower.startsWith(":");
    }

    /**
     * Sends the request to {@code http://hostAndPort} with extra headers (replacing same-named ones). Completes
     * when the answer's head arrives, or exceptionally with an {@link IOException}: a
     * {@link HttpTimeoutException} when no head came within {@code timeout}, another when the upstream cannot be
     * reached or closed the connection first.
     */
    public CompletableFuture<UpstreamResponse> send(BufferedRequest request, String hostAndPort,
                                                    Map<String, String> extraHeaders, Duration timeout) {
        CompletableFuture<UpstreamResponse> result = new CompletableFuture<>();
        InetSocketAddress endpoint;
        try {
            endpoint = endpoint(hostAndPort);
        } catch (IllegalArgumentException bad) {
            result.completeExceptionally(new IOException("not an upstream address: " + hostAndPort));
            return result;
        }
        FullHttpRequest message = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()),
                request.pathAndQuery(), request.body().retainedDuplicate());
        HttpHeaders out = message.headers();
        request.headers().forEach(h -> {
            if (forwards(h.getKey()) && !containsIgnoreCase(extraHeaders, h.getKey())) {
                out.add(h.getKey(), h.getValue());
            }
        });
        extraHeaders.forEach(out::set);
        out.set(HttpHeaderNames.HOST, hostAndPort);
        if (request.body().isReadable() || request.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            out.set(HttpHeaderNames.CONTENT_LENGTH, request.body().readableBytes());
        }
        result.whenComplete((r, e) -> message.release());
        int staleRetries = IDEMPOTENT.contains(request.method()) ? 3 : 0;
        UpstreamExchange.start(poolsHere().get(endpoint), message, timeout, staleRetries, result);
        return result;
    }

    /** A plain GET used by health checks; completes with the status and body, or exceptionally. */
    public CompletableFuture<Probe> probe(String url, Duration timeout) {
        return probe(url, timeout, Map.of());
    }

    /** A probe with extra request headers (the load balancer's unsampled trace header on most health checks). */
    public CompletableFuture<Probe> probe(String url, Duration timeout, Map<String, String> headers) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        return send(BufferedRequest.get(target, headers), uri.getHost() + ":" + port, Map.of(), timeout)
                .thenCompose(response -> response.readAll().thenApply(body -> new Probe(response.status(), body)))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Closes the idle pooled connections (the event loop's shutdown closes the rest). */
    @Override
    public void close() {
        pools.values().forEach(AbstractChannelPoolMap::close);
    }

    private static InetSocketAddress endpoint(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(hostAndPort);
        }
        String host = hostAndPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostAndPort.substring(colon + 1)));
    }

    private static boolean containsIgnoreCase(Map<String, String> map, String key) {
        for (String k : map.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }
}
