package dev.meshwalk.localcloud.bench;

import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import dev.meshwalk.localcloud.service.xray.MeshTraffic;
import dev.meshwalk.localcloud.service.xray.SegmentRejected;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GetServiceGraph latency over a window holding {@code segments} segments of chapter-2 traffic
 * (5 segments per request), with as many segments again outside the window.
 * Run: see docs/benchmarks/telemetry.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ServiceGraphBenchmark {

    private static final double T0 = 1_732_550_400;

    @Param({"100000"})
    public int segments;

    private XRayService xray;
    private Params window;
    private final RequestContext context = new RequestContext("us-east-1", "000000000000", "bench");

    @Setup
    public void fill() throws SegmentRejected {
        xray = new XRayService(new TraceStore(4 * segments, Long.MAX_VALUE));
        MeshTraffic traffic = new MeshTraffic();
        int requests = segments / 5;
        for (int i = 0; i < requests; i++) {
            for (String doc : traffic.colorRequest(T0 + 300.0 * i / requests, i % 50 == 0 ? 500 : 200)) {
                xray.accept(doc);
            }
            for (String doc : traffic.colorRequest(T0 + 1000 + 300.0 * i / requests, 200)) {
                xray.accept(doc);
            }
        }
        window = new Params(Map.of("StartTime", T0, "EndTime", T0 + 300));
    }

    @Benchmark
    public Object getServiceGraph() {
        return xray.call("GetServiceGraph", window, context);
    }
}
