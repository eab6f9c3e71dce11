package dev.meshwalk.localcloud.dataplane.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The OTLP/HTTP trace receiver: {@code POST /v1/traces} with {@code application/x-protobuf} or
 * {@code application/json} (optionally gzip), answered as the OTLP specification says: 200 with an
 * {@code ExportTraceServiceResponse} in the request's encoding, carrying {@code partial_success} when some
 * spans were refused; 400 for a body that does not decode, 415 for other content types.
 */
final class OtlpHttpReceiver implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, each export waits for
        // a delayed ACK (~40 ms). The switch is JVM-wide and read when the first server starts; the wire
        // layer sets the same one, and a user's explicit choice is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final OtlpDecoder decoder = new OtlpDecoder();
    private final OrderedTranslation translation;
    private final IntakeStatistics stats;
    private final ObjectMapper json = new ObjectMapper();

    OtlpHttpReceiver(InetSocketAddress bind, SpanToSegment translator, SegmentSink sink, IntakeStatistics stats)
            throws IOException {
        this.translation = new OrderedTranslation(translator, sink);
        this.stats = stats;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64), r -> {
            Thread t = new Thread(r, "telemetry-otlp-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.server = HttpServer.create(bind, 64);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/v1/traces")) {
                reply(exchange, 404, "text/plain", ("Not found: this OTLP receiver serves POST /v1/traces").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 405, "text/plain", "Use POST for /v1/traces".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
            boolean protobuf = type.startsWith("application/x-protobuf") || type.startsWith("application/protobuf");
            boolean isJson = type.startsWith("application/json");
            if (!protobuf && !isJson) {
                reply(exchange, 415, "text/plain", ("Unsupported Content-Type " + type
                        + "; send application/x-protobuf or application/json").getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try {
                body = readBody(exchange);
            } catch (IOException e) {
                reply(exchange, 400, "text/plain", ("Cannot read the body: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
                return;
            }
            List<OtlpSpan> spans;
            try {
                spans = protobuf ? decoder.fromProtobuf(body) : decoder.fromJson(body);
            } catch (OtlpDecoder.OtlpFormatException e) {
                stats.problem(e.getMessage());
                reply(exchange, 400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
                return;
            }
            stats.spansReceived.addAndGet(spans.size());
            Refusals refusals = new Refusals();
            int[] index = {0};
            translation.translate(spans, result -> {
                OtlpSpan span = spans.get(index[0]++);
                try {
                    if (result.refusal() != null) {
                        throw result.refusal();
                    }
                    result.checked().store();
                    stats.segmentsAccepted.incrementAndGet();
                } catch (RuntimeException e) {
                    refusals.count++;
                    refusals.last = "span " + span.spanId() + ": " + e.getMessage();
                    stats.segmentsRejected.incrementAndGet();
                    stats.problem(refusals.last);
                }
            });
            long rejected = refusals.count;
            String problem = refusals.last;
            if (protobuf) {
                ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
                if (rejected > 0) {
                    response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                            .setRejectedSpans(rejected).setErrorMessage(problem));
                }
                reply(exchange, 200, "application/x-protobuf", response.build().toByteArray());
            } else {
                ObjectNode response = json.createObjectNode();
                if (rejected > 0) {
                    ObjectNode partial = response.putObject("partialSuccess");
                    partial.put("rejectedSpans", String.valueOf(rejected));
                    partial.put("errorMessage", problem);
                }
                reply(exchange, 200, "application/json", json.writeValueAsBytes(response));
            }
        }
    }

    /** The spans of one export the sink refused, and the last reason. */
    private static final class Refusals {
        long count;
        String last;
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            in = new GZIPInputStream(in);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            if (out.size() > MAX_BODY_BYTES) {
                throw new IOException("body larger than " + MAX_BODY_BYTES + " bytes");
            }
        }
        return out.toByteArray();
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            translation.close();
        }
    }
}
