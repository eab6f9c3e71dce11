package dev.meshwalk.localcloud.dataplane.apphost;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpHandler;
import dev.meshwalk.apps.common.AppConfigurationException;
import dev.meshwalk.apps.common.AppHost;
import dev.meshwalk.apps.common.InFlightRequests;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Hosts the in-process demo apps' routes on one Netty event-loop thread instead of a JDK {@code HttpServer} per app:
 * the JDK server costs every app a dispatcher and an idle-timer thread (18 threads for chapter 3's nine tasks);
 * here all apps' sockets share {@code apps-netty-1}. The handlers block (front waits for color), so they never run
 * on the loop: each request goes to {@code handlers}, the shared, growing request pool of
 * {@link dev.meshwalk.apps.common.SharedAppRuntime}, which says why it must grow. The apps see the same
 * {@link com.sun.net.httpserver.HttpExchange} they get in their container ({@link NettyExchange}).
 *
 * <p>The loop starts with the first app served and ends with the last one closed, so a local cloud without tasks
 * holds no thread of it. Requests on one connection are answered in order, one at a time (the loop stops reading a
 * connection while its request is being handled), as the JDK server does.
 */
public final class NettyAppHost implements AppHost {
    /** The demo apps' requests are tiny; this bounds what one request can make the host hold. */
    static final int MAX_REQUEST_BODY = 1024 * 1024;
    /** How long closing an app lets its requests in flight finish, as {@code AppServer} does. */
    private static final long STOP_GRACE_MILLIS = 1000;

    private final Executor handlers;
    private EventLoopGroup loop;
    private int serving;

    public NettyAppHost(Executor handlers) {
        this.handlers = handlers;
    }

    @Override
    public Serving serve(String appName, InetAddress address, int port, HttpHandler handler) {
        EventLoopGroup group = acquireLoop();
        ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
        InFlightRequests inFlight = new InFlightRequests();
        String[] threadName = new String[1];
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 128)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline().addLast(new HttpServerCodec(),
                                new HttpObjectAggregator(MAX_REQUEST_BODY, true),
                                new Requests(handler, threadName, inFlight));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            releaseLoop();
            throw new AppConfigurationException("cannot listen on " + address.getHostAddress() + ":" + port
                    + " (" + bound.cause().getMessage() + "); choose another PORT or BIND_ADDRESS");
        }
        InetSocketAddress where = (InetSocketAddress) bound.channel().localAddress();
        threadName[0] = appName + "-http-" + where.getAddress().getHostAddress() + ":" + where.getPort();
        return new Listener(bound.channel(), connections, inFlight, where);
    }

    private synchronized EventLoopGroup acquireLoop() {
        if (loop == null) {
            loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("apps-netty", true),
                    NioIoHandler.newFactory());
        }
        serving++;
        return loop;
    }

    private synchronized void releaseLoop() {
        serving--;
        if (serving == 0 && loop != null) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            loop = null;
        }
    }

    /** One app's listener: closing it waits for its requests in flight, then ends its connections. */
    private final class Listener implements Serving {
        private final Channel server;
        private final ChannelGroup connections;
        private final InFlightRequests inFlight;
        private final InetSocketAddress address;
        private boolean closed;

        Listener(Channel server, ChannelGroup connections, InFlightRequests inFlight, InetSocketAddress address) {
            this.server = server;
            this.connections = connections;
            this.inFlight = inFlight;
            this.address = address;
        }

        @Override
        public InetSocketAddress address() {
            return address;
        }

        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            server.close().awaitUninterruptibly();
            inFlight.awaitIdle(STOP_GRACE_MILLIS);
            connections.close().awaitUninterruptibly();
            releaseLoop();
        }
    }

    /**
     * Turns each whole request on a connection into an exchange run on the handler pool, one at a time per
     * connection: while one is handled, reading stops and any request already decoded waits here.
     */
    private final class Requests extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final HttpHandler handler;
        /** {@code <app>-http-<address>:<port>}, known once the listener is bound. */
        private final String[] threadName;
        private final InFlightRequests inFlight;
        private final Queue<FullHttpRequest> waiting = new ArrayDeque<>();
        private boolean busy;

        Requests(HttpHandler handler, String[] threadName, InFlightRequests inFlight) {
            super(false);
            this.handler = handler;
            this.threadName = threadName;
            this.inFlight = inFlight;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (busy) {
                waiting.add(request);
                return;
            }
            start(ctx, request);
        }

        private void start(ChannelHandlerContext ctx, FullHttpRequest request) {
            busy = true;
            ctx.channel().config().setAutoRead(false);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            NettyExchange exchange;
            try {
                exchange = exchangeOf(ctx, request, response -> answer(ctx, response, keepAlive));
            } catch (URISyntaxException | RuntimeException unreadable) {
                request.release();
                ctx.close();
                return;
            }
            request.release(); // the exchange holds copies of what it needs
            inFlight.started();
            try {
                handlers.execute(() -> run(exchange));
            } catch (RejectedExecutionException stopped) {
                inFlight.ended();
                ctx.close();
            }
        }

        private NettyExchange exchangeOf(ChannelHandlerContext ctx, FullHttpRequest request,
                                         java.util.function.Consumer<FullHttpResponse> answer)
                throws URISyntaxException {
            if (request.decoderResult().isFailure()) {
                throw new IllegalArgumentException("undecodable request", request.decoderResult().cause());
            }
            Headers headers = new Headers();
            for (Map.Entry<String, String> header : request.headers()) {
                headers.add(header.getKey(), header.getValue());
            }
            return new NettyExchange(request.method().name(), new URI(request.uri()),
                    request.protocolVersion().text(), headers, ByteBufUtil.getBytes(request.content()),
                    (InetSocketAddress) ctx.channel().localAddress(), (InetSocketAddress) ctx.channel().remoteAddress(),
                    answer);
        }

        /** On a handler thread, named after the app while it works for it; a failure is a 500 and a log line. */
        private void run(NettyExchange exchange) {
            Thread current = Thread.currentThread();
            String own = current.getName();
            current.setName(threadName[0]);
            try {
                handler.handle(exchange);
            } catch (IOException | RuntimeException | Error failed) {
                System.err.println(threadName[0] + ": request to " + exchange.getRequestURI() + " failed: " + failed);
            } finally {
                exchange.close();
                current.setName(own);
                inFlight.ended();
            }
        }

        private void answer(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
            if (!keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.writeAndFlush(response).addListener(written -> ctx.executor().execute(() -> next(ctx)));
        }

        /** On the loop, once an answer is written: the next request of this connection, or read on. */
        private void next(ChannelHandlerContext ctx) {
            busy = false;
            FullHttpRequest queued = waiting.poll();
            if (queued != null) {
                start(ctx, queued);
                return;
            }
            ctx.channel().config().setAutoRead(true);
            ctx.read();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            FullHttpRequest dropped;
            while ((dropped = waiting.poll()) != null) {
                dropped.release();
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
