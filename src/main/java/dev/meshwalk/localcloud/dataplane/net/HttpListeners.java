package dev.meshwalk.localcloud.dataplane.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Opens HTTP listeners on loopback on the data plane's event loop, preferring the port a template asks for and
 * falling back to a free port when it is taken (a port clash never fails a deploy; the caller records the real
 * port). Each request is handed to an {@link HttpHandler} as an {@link HttpCall}.
 */
public final class HttpListeners {

    /**
     * The largest request body a listener accepts (ALB's own limit is far above anything the demo apps send). The
     * body is held until the request is answered so that a proxy can retry it, as Envoy's retry buffer does;
     * answers stream.
     */
    public static final int MAX_REQUEST_BODY = 16 * 1024 * 1024;

    /** Serves the requests of one listener. Called on an event-loop thread: it must not block. */
    @FunctionalInterface
    public interface HttpHandler {
        void handle(HttpCall call);
    }

    /** A running listener: its real port, and a close that also ends its open connections. */
    public static final class Listener implements AutoCloseable {

        private final Channel server;
        private final ChannelGroup connections;

        private Listener(Channel server, ChannelGroup connections) {
            this.server = server;
            this.connections = connections;
        }

        public int port() {
            return ((InetSocketAddress) server.localAddress()).getPort();
        }

        public InetSocketAddress address() {
            return (InetSocketAddress) server.localAddress();
        }

        @Override
        public void close() {
            server.close().awaitUninterruptibly();
            connections.close().awaitUninterruptibly();
        }
    }

    private final NettyLoop loop;

    public HttpListeners(NettyLoop loop) {
        this.loop = loop;
    }

    /** Starts a listener on {@code address:preferredPort}, or on a free port of that address if it is taken. */
    public Listener open(InetAddress address, int preferredPort, HttpHandler handler) throws IOException {
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loop.group())
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline().addLast(new HttpServerCodec(),
                                new HttpObjectAggregator(MAX_REQUEST_BODY, true), new HttpCall.Dispatcher(handler));
                    }
                });
        Channel server;
        try {
            server = bind(bootstrap, address, Math.max(0, preferredPort));
        } catch (BindException taken) {
            server = bind(bootstrap, address, 0);
        }
        return new Listener(server, connections);
    }

    private static Channel bind(ServerBootstrap bootstrap, InetAddress address, int port) throws IOException {
        ChannelFuture bound = bootstrap.bind(address, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            Throwable cause = bound.cause();
            if (cause instanceof BindException bind) {
                throw bind;
            }
            throw cause instanceof IOException io ? io : new IOException("cannot listen on " + address.getHostAddress()
                    + ":" + port + ": " + cause, cause);
        }
        return bound.channel();
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
