package dev.meshwalk.apps.front;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

/**
 * GETs through one HTTP proxy, keeping idle connections to it for the next call (HTTP/1.1 keep-alive). Front's
 * mesh mode uses it rather than {@code HttpURLConnection}, whose keep-alive cache is one per JVM and keyed by the
 * target URL, not the proxy: fronts sharing a JVM (the local cloud runs every task in-process) all ask for
 * {@code http://color...:8080/}, took each other's connections to their own proxies, found the proxy different
 * and closed them (about half the calls opened a connection at 8 concurrent requests). The JDK's
 * {@code HttpClient} pools correctly but cost more CPU per call than the proxy hop it feeds.
 *
 * <p>It starts no threads: a call runs on the caller's thread (a server worker). It speaks just enough HTTP for a
 * proxy's answer: a status line, headers, and a body framed by {@code Content-Length}, chunked, or the end of the
 * connection. A reused connection the proxy had closed while idle is replaced once.
 */
final class ProxyClient implements AutoCloseable {

    /** A status and a body cut at the caller's limit (one byte more shows that the body was longer). */
    record Answer(int status, byte[] body) {
    }

    /** The proxy closed an idle connection before this call could use it: safe to send the GET again. */
    private static final class StaleConnection extends IOException {
        StaleConnection() {
            super("the proxy closed an idle connection");
        }
    }

    private static final int MAX_IDLE = 16;
    private static final int MAX_LINE_BYTES = 16 * 1024;

    private final InetSocketAddress proxy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    ProxyClient(InetSocketAddress proxy, Duration connectTimeout, Duration readTimeout) {
        this.proxy = proxy;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Sends {@code GET target} (absolute form) with {@code headers}; reads at most {@code maxBody + 1} bytes. */
    Answer get(URI target, Map<String, String> headers, int maxBody) throws IOException {
        Connection reused = takeIdle();
        if (reused != null) {
            try {
                return exchange(reused, target, headers, maxBody);
            } catch (StaleConnection stale) {
                // sent again below on a new connection: a GET has no effect to repeat
            }
        }
        return exchange(open(), target, headers, maxBody);
    }

    private Answer exchange(Connection connection, URI target, Map<String, String> headers, int maxBody)
            throws IOException {
        boolean reusable = false;
        try {
            StringBuilder head = new StringBuilder(256).append("GET ").append(target.toASCIIString())
                    .append(" HTTP/1.1\r\nHost: ").append(target.getRawAuthority()).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("\r\n");
            String statusLine;
            try {
                connection.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                connection.out.flush();
                statusLine = connection.readLine();
            } catch (IOException sendFailed) {
                throw connection.reused && !(sendFailed instanceof java.net.SocketTimeoutException)
                        ? new StaleConnection() : sendFailed;
            }
            if (statusLine == null) {
                throw connection.reused ? new StaleConnection()
                        : new EOFException("the proxy closed the connection before answering");
            }
            int status = statusOf(statusLine);
            long length = -1;
            boolean chunked = false;
            boolean close = statusLine.startsWith("HTTP/1.0");
            for (String line = connection.readLine(); line != null && !line.isEmpty(); line = connection.readLine()) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close |= value.contains("close");
                    default -> { }
                }
            }
            Body body = status == 204 || status == 304 ? new Body(new byte[0], true)
                    : chunked ? connection.readChunked(maxBody)
                    : length >= 0 ? connection.readFixed(length, maxBody)
                    : new Body(connection.readToEnd(maxBody), false);
            reusable = !close && body.complete();
            return new Answer(status, body.bytes());
        } catch (NumberFormatException garbled) {
            throw new IOException("the proxy's answer could not be read: " + garbled.getMessage());
        } finally {
            if (reusable) {
                giveBack(connection);
            } else {
                connection.close();
            }
        }
    }

    private static int statusOf(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("the proxy answered something that is not HTTP/1.x: " + statusLine);
        }
        return Integer.parseInt(parts[1]);
    }

    private Connection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(proxy, (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) readTimeout.toMillis());
            return new Connection(socket);
        } catch (IOException failed) {
            socket.close();
            throw failed;
        }
    }

    private synchronized Connection takeIdle() {
        Connection connection = idle.pollFirst();
        if (connection != null) {
            connection.reused = true;
        }
        return connection;
    }

    private void giveBack(Connection connection) {
        synchronized (this) {
            if (!closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        connection.close();
    }

    /** Closes the idle connections; calls still running close theirs when they end. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.forEach(Connection::close);
            idle.clear();
        }
    }

    /** What was read of a body, and whether it was read to its end (so the connection can carry another call). */
    private record Body(byte[] bytes, boolean complete) {
    }

    /** One connection to the proxy with its buffered streams. */
    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean reused;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 8192);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 1024);
        }

        /** A header line without its CRLF; null at the end of the stream. */
        String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    if (line.size() == 0) {
                        return null;
                    }
                    throw new EOFException("the proxy's answer ended inside a header line");
                }
                if (line.size() >= MAX_LINE_BYTES) {
                    throw new IOException("a header line of the proxy's answer is longer than " + MAX_LINE_BYTES);
                }
                line.write(b);
            }
            String text = line.toString(StandardCharsets.ISO_8859_1);
            return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }

        Body readFixed(long length, int maxBody) throws IOException {
            int wanted = (int) Math.min(length, maxBody + 1L);
            byte[] bytes = in.readNBytes(wanted);
            if (bytes.length < wanted) {
                throw new EOFException("the proxy's answer ended before its Content-Length");
            }
            return new Body(bytes, wanted == length);
        }

        Body readChunked(int maxBody) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine();
                if (sizeLine == null) {
                    throw new EOFException("the proxy's chunked answer ended early");
                }
                int semicolon = sizeLine.indexOf(';');
                long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                        // trailers carry nothing front needs
                    }
                    return new Body(body.toByteArray(), true);
                }
                if (body.size() + size > maxBody + 1L) {
                    body.write(in.readNBytes(maxBody + 1 - body.size()));
                    return new Body(body.toByteArray(), false);
                }
                byte[] chunk = in.readNBytes((int) size);
                if (chunk.length < size) {
                    throw new EOFException("the proxy's chunked answer ended inside a chunk");
                }
                body.write(chunk);
                readLine();
            }
        }

        byte[] readToEnd(int maxBody) throws IOException {
            return in.readNBytes(maxBody + 1);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left
            }
        }
    }
}
