package dev.meshwalk.localcloud.dataplane.telemetry;

import dev.meshwalk.localcloud.LocalCloudServices;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry;
import dev.meshwalk.localcloud.service.cloudwatch.MetricKey;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * CPU time one mesh proxy pass costs the local cloud in telemetry: the X-Ray segment and the six Envoy metrics
 * {@link MeshProxyTelemetry} makes, delivered into a real X-Ray store and metric store wired as the local cloud
 * wires them. Chapter 2 makes three such passes per request, so this is the part of its cost that chapter 1 does
 * not have besides the proxies' own forwarding. A harness rather than JMH: warm rounds of thread CPU time, the
 * figure to compare on a shared machine. Run: see docs/benchmarks/telemetry.md.
 */
public final class ProxyTelemetryCost {

    private ProxyTelemetryCost() {
    }

    public static void main(String[] args) {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        XRayService xray = new XRayService(new TraceStore(Integer.MAX_VALUE, 512L << 20));
        MetricStore metrics = new MetricStore();
        MeshProxyTelemetry telemetry = new MeshProxyTelemetry(LocalCloudServices.segmentSink(xray),
                (namespace, name, dimensions, value, unit, time) ->
                        metrics.putValue(MetricKey.of(namespace, name, dimensions), time, value, 1, unit),
                new IntakeStatistics());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long seq = 0;
        for (int round = 1; round <= rounds; round++) {
            long before = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < requests; i++) {
                telemetry.requestObserved(request(seq++));
            }
            double micros = (cpu.getCurrentThreadCpuTime() - before) / 1e3 / requests;
            System.out.printf(Locale.ROOT, "round %d: %.2f us CPU per proxy pass (%d passes)%n", round, micros,
                    requests);
        }
    }

    /** An ingress pass of the color proxy, as chapter 2's traffic makes them: one trace per request. */
    private static ProxyTelemetry.ProxyRequestObserved request(long seq) {
        String hex = String.format(Locale.ROOT, "%024x", seq);
        return new ProxyTelemetry.ProxyRequestObserved("howto-basics", "howto-basics-color-node",
                ProxyTelemetry.Direction.INGRESS, "cds_ingress_howto-basics_howto-basics-color-node_http_8080",
                "howto-basics-color-node", "GET", "/", "color.howto-basics.local:8080", 200,
                Instant.now(), Duration.ofNanos(350_000), "1-" + Long.toHexString(Instant.now().getEpochSecond())
                + "-" + hex, hex.substring(8), String.format(Locale.ROOT, "%016x", seq + 1), "10.0.1.7", true);
    }
}
