package dev.meshwalk.localcloud.dataplane.apphost;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One request as the apps' handlers know it ({@link HttpExchange}, the JDK server's type), received and answered on
 * the event loop. The request arrives whole; the answer is collected in memory and handed back as one response
 * when the handler closes the exchange (or its body), with the status and length it gave in
 * {@link #sendResponseHeaders}. Their answers are a few bytes, so buffering costs nothing and gives every answer an
 * exact {@code Content-Length}, as the JDK server's fixed-length answers have.
 */
final class NettyExchange extends HttpExchange {
    private final String method;
    private final URI uri;
    private final String protocol;
    private final Headers requestHeaders;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Consumer<FullHttpResponse> answer;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream in;
    private OutputStream out;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private int status = -1;
    private boolean noBody;
    private boolean closed;

    NettyExchange(String method, URI uri, String protocol, Headers requestHeaders, byte[] requestBody,
                  InetSocketAddress local, InetSocketAddress remote, Consumer<FullHttpResponse> answer) {
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.requestHeaders = requestHeaders;
        this.local = local;
        this.remote = remote;
        this.answer = answer;
        this.in = new ByteArrayInputStream(requestBody);
        this.out = new OutputStream() {
            @Override
            public void write(int b) {
                body.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                body.write(bytes, offset, length);
            }

            @Override
            public void close() {
                NettyExchange.this.close();
            }
        };
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    /** The apps register one root context and never ask for it; there is no JDK server behind this exchange. */
    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    /** Sends the answer (once); an exchange closed before {@link #sendResponseHeaders} is answered 500. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (status < 0) {
            status = 500;
            noBody = true;
        }
        byte[] bytes = noBody || "HEAD".equals(method) ? new byte[0] : body.toByteArray();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status), Unpooled.wrappedBuffer(bytes));
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            response.headers().add(header.getKey(), header.getValue());
        }
        if (!"HEAD".equals(method)) {
            HttpUtil.setContentLength(response, bytes.length);
        } else if (!response.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
            HttpUtil.setContentLength(response, 0);
        }
        answer.accept(response);
    }

    @Override
    public InputStream getRequestBody() {
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        return out;
    }

    @Override
    public synchronized void sendResponseHeaders(int code, long length) throws IOException {
        if (status >= 0) {
            throw new IOException("headers already sent");
        }
        if (closed) {
            throw new IOException("exchange closed");
        }
        status = code;
        noBody = length < 0;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return remote;
    }

    @Override
    public synchronized int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return local;
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream input, OutputStream output) {
        if (input != null) {
            in = input;
        }
        if (output != null) {
            out = output;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}
