package dev.meshwalk.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry.Direction;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry.ProxyRequestObserved;
import dev.meshwalk.localcloud.dataplane.telemetry.IntakeStatistics;
import dev.meshwalk.localcloud.dataplane.telemetry.MeshProxyTelemetry;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import dev.meshwalk.localcloud.service.cloudwatch.MetricStore;
import dev.meshwalk.localcloud.service.xray.MeshTraffic;
import dev.meshwalk.localcloud.service.xray.TraceStore;
import dev.meshwalk.localcloud.service.xray.XRayService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A color-v2 task answering 500, through the wiring the root uses (proxy observations → {@link MeshProxyTelemetry}
 * → the X-Ray service's sink; app segments as the OTLP intake delivers them): the faults land on color-v2, its
 * proxy and the front proxy's egress, and on the edges into them, as in the reference's example c; front stays clean.
 */
class ProxyFaultGraphTest {

    private static final RequestContext CTX = new RequestContext("us-east-1", "000000000000", "r");
    private static final String FP = "howto/howto-front-node";
    private static final String C2P = "howto/howto-color-v2-node";

    private final XRayService xray = new XRayService(new TraceStore());
    private final MeshProxyTelemetry proxies = new MeshProxyTelemetry(LocalCloudServices.segmentSink(xray),
            LocalCloudServices.metricSink(new MetricStore()), new IntakeStatistics());
    private final MeshTraffic ids = new MeshTraffic();

    private void request(long second, int colorStatus) {
        double t = second;
        Instant start = Instant.ofEpochSecond(second);
        String trace = ids.traceId(second);
        String fpIngress = ids.id();
        String front = ids.id();
        String call = ids.id();
        String fpEgress = ids.id();
        String c2p = ids.id();
        proxies.requestObserved(observed("howto-front-node", Direction.INGRESS, 200, start, 10, trace, null, fpIngress));
        appSegment(MeshTraffic.segment(trace, front, fpIngress, "front", null, t + 0.001, t + 0.009, 200,
                MeshTraffic.subsegment(call, "color.howto.local:8080", t + 0.002, t + 0.008, colorStatus)));
        proxies.requestObserved(observed("howto-front-node", Direction.EGRESS, colorStatus, start.plusMillis(3), 4,
                trace, call, fpEgress));
        proxies.requestObserved(observed("howto-color-v2-node", Direction.INGRESS, colorStatus, start.plusMillis(4), 2,
                trace, fpEgress, c2p));
        appSegment(MeshTraffic.segment(trace, ids.id(), c2p, "color-v2", null, t + 0.0045, t + 0.0055,
                colorStatus));
    }

    /** An app's segment as the OTLP intake delivers it. */
    private void appSegment(String document) {
        LocalCloudServices.segmentSink(xray).accept(document);
    }

    private static ProxyRequestObserved observed(String node, Direction direction, int status, Instant start,
                                                 long millis, String trace, String parent, String self) {
        return new ProxyRequestObserved("howto", node, direction, "cds_" + node, node, "GET", "/color", "x:8080",
                status, start, Duration.ofMillis(millis), trace, parent, self, "10.0.0.9", true);
    }

    @Test
    void colorV2Answering500ShowsAsFaultsOnColorV2ItsProxyAndTheEdgesIntoThem() {
        long now = Instant.now().getEpochSecond() - 30;
        for (int i = 0; i < 10; i++) {
            request(now + i, i < 3 ? 500 : 200);
        }
        Map<?, ?> graph = (Map<?, ?>) xray.call("GetServiceGraph",
                new Params(Map.of("StartTime", now - 60, "EndTime", now + 60)), CTX);
        List<?> services = (List<?>) graph.get("Services");

        assertThat(faults(node(services, "color-v2", null))).isEqualTo(3);
        assertThat(faults(node(services, C2P, "AWS::AppMesh::Proxy"))).isEqualTo(3);
        assertThat(faults(node(services, FP, "AWS::AppMesh::Proxy"))).as("egress segments").isEqualTo(3);
        assertThat(faults(node(services, "front", null))).as("front does not look at color's status").isZero();
        assertThat(faults(edge(services, FP, C2P))).isEqualTo(3);
        assertThat(faults(edge(services, C2P, "color-v2"))).isEqualTo(3);
        assertThat(faults(edge(services, "front", FP))).isEqualTo(3);
        assertThat(faults(edge(services, FP, "front"))).isZero();
    }

    private static Map<?, ?> node(List<?> services, String name, String type) {
        return services.stream().map(s -> (Map<?, ?>) s)
                .filter(s -> name.equals(s.get("Name")) && !"client".equals(s.get("Type")))
                .filter(s -> type == null || type.equals(s.get("Type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no node " + name + " in " + services));
    }

    private static Map<?, ?> edge(List<?> services, String from, String to) {
        Object target = node(services, to, null).get("ReferenceId");
        return ((List<?>) node(services, from, null).get("Edges")).stream().map(e -> (Map<?, ?>) e)
                .filter(e -> target.equals(e.get("ReferenceId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no edge " + from + " -> " + to));
    }

    private static long faults(Map<?, ?> nodeOrEdge) {
        Map<?, ?> stats = (Map<?, ?>) nodeOrEdge.get("SummaryStatistics");
        Map<?, ?> faults = (Map<?, ?>) stats.get("FaultStatistics");
        return ((Number) faults.get("TotalCount")).longValue();
    }
}
