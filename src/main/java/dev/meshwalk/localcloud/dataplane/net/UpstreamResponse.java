package dev.meshwalk.localcloud.dataplane.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * An upstream's answer whose head has arrived and whose body is still coming: the caller either streams it to a
 * downstream connection ({@link #relayTo}), reads it whole ({@link #readAll}, for health checks) or drops it
 * ({@link #discard}, before a retry). Chunks that arrive before the caller decides wait here. Everything touching
 * the body runs on the upstream connection's event loop.
 */
public final class UpstreamResponse {

    /** Where body chunks go once the caller has decided. */
    private interface Sink {
        void chunk(HttpContent content);

        void end(boolean complete);
    }

    private final int status;
    private final HttpHeaders headers;
    private final boolean newConnection;
    private final Channel upstream;
    private final Queue<HttpContent> waiting = new ArrayDeque<>();
    private Boolean ended;
    private Sink sink;

    UpstreamResponse(int status, HttpHeaders headers, boolean newConnection, Channel upstream) {
        this.status = status;
        this.headers = headers;
        this.newConnection = newConnection;
        this.upstream = upstream;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** True when this exchange opened a connection; false when it reused a pooled one. */
    public boolean newConnection() {
        return newConnection;
    }

    /**
     * Writes the body to {@code downstream} as it arrives (the caller has written the head), pausing the upstream
     * while the downstream cannot take more, then calls {@code done} with whether the body ended normally.
     */
    public void relayTo(Channel downstream, Consumer<Boolean> done) {
        attach(new Sink() {
            @Override
            public void chunk(HttpContent content) {
                if (content.content().isReadable()) {
                    // the last chunk is flushed with the end of the answer; earlier ones go out as they come
                    HttpContent chunk = new DefaultHttpContent(content.content().retain());
                    if (content instanceof LastHttpContent) {
                        downstream.write(chunk);
                    } else {
                        downstream.writeAndFlush(chunk);
                    }
                }
                content.release();
                if (!downstream.isWritable()) {
                    upstream.config().setAutoRead(false);
                    downstream.writeAndFlush(Unpooled.EMPTY_BUFFER)
                            .addListener(flushed -> upstream.config().setAutoRead(true));
                }
            }

            @Override
            public void end(boolean complete) {
                if (!complete) {
                    downstream.flush();
                    done.accept(false);
                    return;
                }
                downstream.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
                        .addListener(written -> done.accept(written.isSuccess()));
            }
        });
    }

    /** The whole body as text; completes exceptionally when the upstream breaks off. */
    public CompletableFuture<String> readAll() {
        return readAllBytes().thenApply(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** The whole body; completes exceptionally when the upstream breaks off. */
    public CompletableFuture<byte[]> readAllBytes() {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        attach(new Sink() {
            @Override
            public void chunk(HttpContent content) {
                ByteBuf data = content.content();
                byte[] copy = new byte[data.readableBytes()];
                data.getBytes(data.readerIndex(), copy);
                bytes.writeBytes(copy);
                content.release();
            }

            @Override
            public void end(boolean complete) {
                if (complete) {
                    body.complete(bytes.toByteArray());
                } else {
                    body.completeExceptionally(new java.io.IOException("upstream closed the body early"));
                }
            }
        });
        return body;
    }

    /** Drops the body (a retry is coming, or nobody wants it); the connection goes back to the pool if it can. */
    public void discard() {
        attach(new Sink() {
            @Override
            public void chunk(HttpContent content) {
                content.release();
            }

            @Override
            public void end(boolean complete) {
            }
        });
    }

    private void attach(Sink chosen) {
        if (!upstream.eventLoop().inEventLoop()) {
            upstream.eventLoop().execute(() -> attach(chosen));
            return;
        }
        if (sink != null) {
            return;
        }
        sink = chosen;
        HttpContent content;
        while ((content = waiting.poll()) != null) {
            chosen.chunk(content);
        }
        if (ended != null) {
            chosen.end(ended);
        }
    }

    /** A body chunk from the upstream connection (event loop). */
    void onContent(HttpContent content) {
        if (sink == null) {
            waiting.add(content);
        } else {
            sink.chunk(content);
        }
    }

    /** The body ended: complete, or broken off (event loop). */
    void onEnd(boolean complete) {
        if (ended != null) {
            return;
        }
        ended = complete;
        if (sink != null) {
            sink.end(complete);
        }
    }
}
