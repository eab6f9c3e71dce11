package dev.meshwalk.localcloud.dataplane.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One request on a data-plane listener and the way to answer it: a small buffered {@link Upstream.Answer}
 * ({@link #respond}), or an upstream's answer streamed through as it arrives ({@link #relay}). Exactly one answer
 * per call; the connection reads its next request only after the answer is written (no pipelining), which also
 * keeps a slow client from piling up requests. The request (and its body) is released once answered.
 */
public final class HttpCall {

    private final Channel channel;
    private final FullHttpRequest message;
    private final Upstream.BufferedRequest request;
    private final AtomicBoolean answered = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();

    private HttpCall(Channel channel, FullHttpRequest message) {
        this.channel = channel;
        this.message = message;
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        this.request = Upstream.BufferedRequest.of(message, remote.getAddress().getHostAddress());
    }

    /** The request as proxies route and forward it. */
    public Upstream.BufferedRequest request() {
        return request;
    }

    /**
     * Where a request that came through {@code HTTP_PROXY} is going (its absolute target, else its Host header);
     * empty after answering 400 when the target cannot be read.
     */
    public Optional<Authority> proxiedAuthority() {
        try {
            return Optional.of(Authority.of(URI.create(message.uri()), request.header("Host")));
        } catch (IllegalArgumentException unreadable) {
            respond(Upstream.Answer.plain(400, "cannot read the request target " + message.uri()), Map.of());
            return Optional.empty();
        }
    }

    /** Answers with a buffered answer plus extra headers (replacing same-named ones). */
    public void respond(Upstream.Answer answer, Map<String, String> extraHeaders) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        boolean noBody = noBody(answer.status());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                noBody ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
        answer.headers().forEach((name, values) -> {
            if (Upstream.forwards(name)) {
                response.headers().add(name, values);
            }
        });
        extraHeaders.forEach(response.headers()::set);
        HttpUtil.setContentLength(response, noBody && !isHead() ? 0 : answer.body().length);
        boolean keepAlive = keepAlive(response);
        channel.writeAndFlush(response).addListener(done -> finished(keepAlive));
    }

    /** Answers with a reply: streamed through when it is an upstream's, written at once when it is our own. */
    public void reply(Reply reply, Map<String, String> extraHeaders) {
        if (reply.streamed() != null) {
            relay(reply.streamed(), extraHeaders, complete -> { });
        } else {
            respond(reply.own(), extraHeaders);
        }
    }

    /**
     * Streams an upstream's answer to this caller (head now, body chunks as they arrive) with extra headers, and
     * calls {@code whenDone} with true once the whole body was written, false when either side broke off.
     */
    public void relay(UpstreamResponse upstream, Map<String, String> extraHeaders, Consumer<Boolean> whenDone) {
        if (!answered.compareAndSet(false, true)) {
            upstream.discard();
            return;
        }
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(upstream.status()));
        upstream.headers().forEach(h -> {
            if (Upstream.forwards(h.getKey()) || h.getKey().equalsIgnoreCase("content-length")) {
                head.headers().add(h.getKey(), h.getValue());
            }
        });
        extraHeaders.forEach(head.headers()::set);
        if (!HttpUtil.isContentLengthSet(head) && !noBody(upstream.status())) {
            HttpUtil.setTransferEncodingChunked(head, true);
        }
        boolean keepAlive = keepAlive(head);
        channel.write(head);
        upstream.relayTo(channel, complete -> {
            if (complete) {
                finished(keepAlive);
            } else {
                channel.close();
            }
            release();
            whenDone.accept(complete);
        });
    }

    private boolean keepAlive(HttpResponse response) {
        boolean keepAlive = HttpUtil.isKeepAlive(message);
        HttpUtil.setKeepAlive(response, keepAlive);
        return keepAlive;
    }

    private void finished(boolean keepAlive) {
        release();
        if (!keepAlive) {
            channel.close();
        } else {
            channel.config().setAutoRead(true);
        }
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            message.release();
        }
    }

    private boolean isHead() {
        return HttpMethod.HEAD.equals(message.method());
    }

    private boolean noBody(int status) {
        return isHead() || status == 204 || status == 304 || status / 100 == 1;
    }

    /** Hands each aggregated request to the listener's handler; answers 400/413 for what cannot be decoded. */
    static final class Dispatcher extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final HttpListeners.HttpHandler handler;
        private HttpCall pending;

        Dispatcher(HttpListeners.HttpHandler handler) {
            super(false);
            this.handler = handler;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest message) {
            if (message.decoderResult().isFailure()) {
                message.release();
                FullHttpResponse bad = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.BAD_REQUEST, Unpooled.copiedBuffer("400 Bad Request\n",
                        java.nio.charset.StandardCharsets.US_ASCII));
                HttpUtil.setContentLength(bad, bad.content().readableBytes());
                bad.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(bad).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.channel().config().setAutoRead(false);
            HttpCall call = new HttpCall(ctx.channel(), message);
            pending = call;
            try {
                handler.handle(call);
            } catch (RuntimeException failure) {
                call.respond(Upstream.Answer.plain(500, "proxy error: " + failure), Map.of());
            }
        }

        /** The caller went away: its unanswered request is released (an upstream still sending holds its own copy). */
        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (pending != null) {
                pending.release();
                pending = null;
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
