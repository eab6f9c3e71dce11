package dev.meshwalk.localcloud.bench;

import com.google.protobuf.ByteString;
import dev.meshwalk.localcloud.LocalCloudServices;
import dev.meshwalk.localcloud.dataplane.telemetry.TelemetryIntake;
import dev.meshwalk.localcloud.service.xray.MeshTraffic;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * Segments ingested per second by the telemetry intake, into a real X-Ray store (parse, validate, index):
 * OTLP/HTTP protobuf batches of 512 spans, and X-Ray daemon UDP datagrams (one segment each).
 * A throughput harness rather than JMH because the work is asynchronous I/O: it times from the first
 * send until the store holds what was sent. Run: see docs/benchmarks/telemetry.md.
 */
public final class IntakeThroughput {

    private IntakeThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int spans = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        for (int round = 1; round <= rounds; round++) {
            System.out.printf(Locale.ROOT, "round %d: OTLP %s, UDP %s%n", round, otlp(spans), udp(spans / 2));
        }
    }

    private static XRayService xray() {
        return new XRayService(new TraceStore(Integer.MAX_VALUE, Long.MAX_VALUE));
    }

    /** The intake wired to the store as the local cloud wires it ({@link LocalCloudServices#segmentSink}). */
    private static TelemetryIntake intake(XRayService xray) {
        return TelemetryIntake.start(TelemetryIntake.Config.loopback(), LocalCloudServices.segmentSink(xray),
                (a, b, c, d, e, f) -> { });
    }

    /** CPU time of the whole process (intake, store and sender), so rounds can be compared under load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String otlp(int spans) throws Exception {
        XRayService xray = xray();
        Random random = new Random(1);
        List<byte[]> batches = new ArrayList<>();
        long now = System.currentTimeMillis() * 1_000_000L;
        for (int sent = 0; sent < spans; sent += 512) {
            ScopeSpans.Builder scope = ScopeSpans.newBuilder();
            for (int i = 0; i < 512; i += 2) {
                byte[] trace = new byte[16];
                random.nextBytes(trace);
                trace[0] = 0x67;
                byte[] server = new byte[8];
                byte[] client = new byte[8];
                random.nextBytes(server);
                random.nextBytes(client);
                scope.addSpans(span(trace, server, null, Span.SpanKind.SPAN_KIND_SERVER, now));
                scope.addSpans(span(trace, client, server, Span.SpanKind.SPAN_KIND_CLIENT, now));
            }
            batches.add(ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                    .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                            .setValue(AnyValue.newBuilder().setStringValue("front"))))
                    .addScopeSpans(scope)).build().toByteArray());
        }
        HttpClient client = HttpClient.newHttpClient();
        try (TelemetryIntake intake = intake(xray)) {
            URI uri = URI.create(intake.otlpEndpoint() + "/v1/traces");
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            for (byte[] batch : batches) {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("OTLP answered " + r.statusCode());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuMicros = (processCpuNanos() - cpu) / 1e3;
            if (intake.statistics().segmentsRejected() > 0) {
                throw new IllegalStateException("rejected: " + intake.statistics().lastProblem());
            }
            int stored = xray.store().documentCount();
            return String.format(Locale.ROOT, "%,.0f segments/s (%.1f us CPU per segment)", stored / seconds,
                    cpuMicros / stored);
        }
    }

    static String udp(int segments) throws Exception {
        XRayService xray = xray();
        MeshTraffic traffic = new MeshTraffic();
        List<byte[]> datagrams = new ArrayList<>();
        long t = System.currentTimeMillis() / 1000;
        while (datagrams.size() < segments) {
            for (String doc : traffic.colorRequest(t, 200)) {
                datagrams.add(("{\"format\":\"json\",\"version\":1}\n" + doc).getBytes(StandardCharsets.UTF_8));
            }
        }
        try (TelemetryIntake intake = intake(xray); DatagramSocket socket = new DatagramSocket()) {
            // Resolved once: xrayDaemonAddress() builds a new address (a name lookup) on every call.
            InetSocketAddress daemon = intake.xrayDaemonAddress();
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            int sent = 0;
            for (byte[] d : datagrams) {
                // Paced: at most 256 datagrams in flight, so this measures what the intake sustains, not
                // how fast the kernel drops a flood. The sender parks while it waits: spinning would take one
                // of the machine's two cores away from the intake it measures.
                while (sent - intake.statistics().datagramsReceived() > 256) {
                    LockSupport.parkNanos(20_000);
                }
                socket.send(new DatagramPacket(d, d.length, daemon));
                sent++;
            }
            long lastChange = System.nanoTime();
            long last = -1;
            while (System.nanoTime() - lastChange < 300_000_000L) {
                long now = intake.statistics().datagramsReceived();
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                }
                Thread.sleep(5);
            }
            double seconds = (lastChange - start) / 1e9;
            double cpuMicros = (processCpuNanos() - cpu) / 1e3;
            int stored = xray.store().documentCount();
            return String.format(Locale.ROOT, "%,.0f segments/s (%d of %d datagrams arrived; %.1f us CPU per segment)",
                    stored / seconds, stored, datagrams.size(), cpuMicros / stored);
        }
    }

    private static Span span(byte[] trace, byte[] id, byte[] parent, Span.SpanKind kind, long startNanos) {
        Span.Builder b = Span.newBuilder().setTraceId(ByteString.copyFrom(trace)).setSpanId(ByteString.copyFrom(id))
                .setName("GET /color").setKind(kind).setStartTimeUnixNano(startNanos).setEndTimeUnixNano(startNanos + 3_000_000)
                .addAttributes(KeyValue.newBuilder().setKey("http.request.method").setValue(AnyValue.newBuilder().setStringValue("GET")))
                .addAttributes(KeyValue.newBuilder().setKey("http.response.status_code").setValue(AnyValue.newBuilder().setIntValue(200)))
                .addAttributes(KeyValue.newBuilder().setKey("server.address").setValue(AnyValue.newBuilder().setStringValue("color.local")));
        if (parent != null) {
            b.setParentSpanId(ByteString.copyFrom(parent));
        }
        return b.build();
    }
}
