package dev.meshwalk.localcloud.dataplane.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One request on one pooled upstream connection: acquire, write, wait for the head within the timeout, hand the
 * body to the {@link UpstreamResponse}, and give the connection back to its pool once the body has ended (or close
 * it when it cannot be reused). A pooled connection the upstream had already closed is replaced by another
 * (idempotent requests only), as the JDK client does.
 */
final class UpstreamExchange {

    /** The upstream closed a reused connection before answering: the request may be sent again on another one. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("the upstream closed the connection before answering");
        }
    }

    private final ChannelPool pool;
    private final Channel channel;
    private final boolean fresh;
    private final CompletableFuture<UpstreamResponse> head = new CompletableFuture<>();
    private ScheduledFuture<?> timer;
    private UpstreamResponse response;
    private boolean keepAlive;
    private boolean released;

    private UpstreamExchange(ChannelPool pool, Channel channel, boolean fresh) {
        this.pool = pool;
        this.channel = channel;
        this.fresh = fresh;
    }

    static void start(ChannelPool pool, FullHttpRequest message, Duration timeout, int staleRetries,
                      CompletableFuture<UpstreamResponse> result) {
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (!acquired.isSuccess()) {
                Throwable cause = acquired.cause();
                result.completeExceptionally(cause instanceof IOException ? cause
                        : new IOException("cannot connect to the upstream: " + cause.getMessage(), cause));
                return;
            }
            Channel channel = acquired.getNow();
            Boolean isNew = channel.attr(Upstream.FRESH).getAndSet(false);
            UpstreamExchange exchange = new UpstreamExchange(pool, channel, Boolean.TRUE.equals(isNew));
            exchange.head.whenComplete((response, error) -> {
                if (error instanceof StaleConnection && staleRetries > 0) {
                    start(pool, message, timeout, staleRetries - 1, result);
                } else if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(response);
                }
            });
            if (channel.eventLoop().inEventLoop()) {
                exchange.begin(message, timeout);
            } else {
                channel.eventLoop().execute(() -> exchange.begin(message, timeout));
            }
        });
    }

    private void begin(FullHttpRequest message, Duration timeout) {
        Handler handler = channel.pipeline().get(Handler.class);
        if (handler == null || !channel.isActive()) {
            fail(fresh ? new IOException("upstream connection closed") : new StaleConnection());
            return;
        }
        handler.current = this;
        timer = channel.eventLoop().schedule(() -> {
            if (!head.isDone()) {
                fail(new HttpTimeoutException("request timed out after " + timeout.toMillis() + " ms"));
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        channel.writeAndFlush(message.retainedDuplicate()).addListener(written -> {
            if (!written.isSuccess() && !head.isDone()) {
                fail(fresh ? new IOException("cannot send to the upstream: " + written.cause(), written.cause())
                        : new StaleConnection());
            }
        });
    }

    private void onHead(HttpResponse message) {
        if (head.isDone()) {
            return;
        }
        timer.cancel(false);
        keepAlive = HttpUtil.isKeepAlive(message);
        response = new UpstreamResponse(message.status().code(), message.headers(), fresh, channel);
        head.complete(response);
    }

    private void onContent(HttpContent content) {
        if (response == null) {
            content.release();
            return;
        }
        response.onContent(content);
        if (content instanceof LastHttpContent) {
            response.onEnd(true);
            giveBack(keepAlive);
        }
    }

    /** The connection closed or failed: whatever is unfinished fails. */
    private void onClosed() {
        if (!head.isDone()) {
            head.completeExceptionally(fresh ? new IOException("the upstream closed the connection before answering")
                    : new StaleConnection());
        } else if (response != null) {
            response.onEnd(false);
        }
        giveBack(false);
    }

    private void fail(IOException error) {
        if (timer != null) {
            timer.cancel(false);
        }
        head.completeExceptionally(error);
        channel.close();
        giveBack(false);
    }

    private void giveBack(boolean reusable) {
        if (released) {
            return;
        }
        released = true;
        Handler handler = channel.pipeline().get(Handler.class);
        if (handler != null && handler.current == this) {
            handler.current = null;
        }
        if (!reusable) {
            channel.close();
        }
        pool.release(channel);
    }

    /** The per-connection end of the client pipeline: routes what the connection reads to its current exchange. */
    static final class Handler extends ChannelInboundHandlerAdapter {

        private UpstreamExchange current;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            UpstreamExchange exchange = current;
            if (exchange == null) {
                ReferenceCountUtil.release(msg);
                return;
            }
            if (msg instanceof HttpResponse head) {
                if (head.status().code() == 100) {
                    ReferenceCountUtil.release(msg);
                    return;
                }
                exchange.onHead(head);
            }
            if (msg instanceof HttpContent content) {
                exchange.onContent(content);
            } else if (!(msg instanceof HttpResponse)) {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            UpstreamExchange exchange = current;
            if (exchange != null) {
                exchange.onClosed();
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
            if (event instanceof IdleStateEvent && current == null) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
