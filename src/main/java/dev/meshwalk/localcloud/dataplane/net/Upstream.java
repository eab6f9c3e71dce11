package dev.meshwalk.localcloud.dataplane.net;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Forwards buffered HTTP requests to upstreams (targets, app ports, proxies) over one shared JDK client and
 * writes answers back, dropping hop-by-hop headers both ways. Buffering whole bodies is fine for the demo
 * apps' small JSON and lets the mesh proxy retry a request.
 */
public final class Upstream {

    /** Hop-by-hop headers (RFC 9110) plus the ones the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");

    private final HttpClient client;

    public Upstream(Executor clientPool, Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(clientPool)
                .build();
    }

    /** A request read off a listener, ready to be sent (possibly several times). */
    public record BufferedRequest(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body,
                                  String clientAddress) {

        public static BufferedRequest read(HttpExchange exchange) throws IOException {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            return new BufferedRequest(exchange.getRequestMethod(), pathAndQuery, copy(exchange.getRequestHeaders()),
                    body, exchange.getRemoteAddress().getAddress().getHostAddress());
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        public String path() {
            int q = pathAndQuery.indexOf('?');
            return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        }
    }

    /** An upstream's buffered answer. */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        public static Answer plain(int status, String text) {
            return new Answer(status, Map.of("content-type", List.of("text/plain; charset=utf-8")),
                    text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * Sends the request to {@code http://hostAndPort} with extra headers (replacing same-named ones).
     *
     * @throws IOException when the upstream cannot be reached or does not answer in time
     */
    public Answer send(BufferedRequest request, String hostAndPort, Map<String, String> extraHeaders, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + hostAndPort + request.pathAndQuery()))
                .timeout(timeout)
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !containsIgnoreCase(extraHeaders, name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        extraHeaders.forEach(builder::header);
        HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    /** A plain GET used by health checks; completes with the status and body, or exceptionally. */
    public java.util.concurrent.CompletableFuture<HttpResponse<String>> probe(String url, Duration timeout) {
        return probe(url, timeout, Map.of());
    }

    /** A probe with extra request headers (the load balancer's unsampled trace header on most health checks). */
    public java.util.concurrent.CompletableFuture<HttpResponse<String>> probe(String url, Duration timeout,
                                                                              Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        headers.forEach(builder::header);
        return client.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writes an answer to the downstream exchange, with extra response headers. */
    public static void write(HttpExchange exchange, Answer answer, Map<String, String> extraHeaders) throws IOException {
        Headers out = exchange.getResponseHeaders();
        answer.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(lower) && !lower.equals("date") && !lower.startsWith(":")) {
                out.put(name, values);
            }
        });
        extraHeaders.forEach(out::set);
        boolean noBody = "HEAD".equalsIgnoreCase(exchange.getRequestMethod()) || answer.status() == 204
                || answer.status() == 304;
        exchange.sendResponseHeaders(answer.status(), noBody ? -1 : (answer.body().length == 0 ? -1 : answer.body().length));
        try (OutputStream body = exchange.getResponseBody()) {
            if (!noBody) {
                body.write(answer.body());
            }
        }
    }

    private static boolean containsIgnoreCase(Map<String, String> map, String key) {
        for (String k : map.keySet()) {
            if (k.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> copy(Headers headers) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
