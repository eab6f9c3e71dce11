package dev.meshwalk.localcloud.service.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshwalk.localcloud.service.AwsError;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class XRayServiceTest {

    private static final double T0 = 1_732_550_400;
    private static final RequestContext CTX = new RequestContext("us-east-1", "123456789012", "r1");

    /** The store's arrival clock: {@link #graph} reads after every trace has settled, {@link #graphNow} at once. */
    private final AtomicLong nanos = new AtomicLong();
    private final XRayService xray = new XRayService(
            new TraceStore(TraceStore.DEFAULT_MAX_DOCUMENTS, TraceStore.DEFAULT_MAX_BYTES, nanos::get));
    private final MeshTraffic traffic = new MeshTraffic();

    @Test
    void meshifiedTrafficDrawsClientProxiesAndAppsWithEdgesInBothDirections() {
        send(10, 0);

        Graph graph = graph(T0, T0 + 300);

        assertThat(graph.names()).containsExactlyInAnyOrder(
                "client:" + MeshTraffic.FRONT_PROXY, MeshTraffic.PROXY + ":" + MeshTraffic.FRONT_PROXY,
                "null:front", MeshTraffic.PROXY + ":" + MeshTraffic.COLOR_PROXY, "null:color");
        Map<String, Object> frontProxy = graph.node(MeshTraffic.FRONT_PROXY, MeshTraffic.PROXY);
        assertThat(frontProxy.get("Root")).isEqualTo(true);
        assertThat(frontProxy.get("State")).isEqualTo("active");
        assertThat(total(frontProxy)).as("ingress + egress segments").isEqualTo(20);
        Map<String, Object> client = graph.node(MeshTraffic.FRONT_PROXY, "client");
        assertThat(client).doesNotContainKey("SummaryStatistics").containsEntry("State", "unknown");
        assertThat(total(graph.edge(client, frontProxy))).isEqualTo(10);
        Map<String, Object> front = graph.node("front", null);
        assertThat(front).doesNotContainKey("Type").doesNotContainKey("Root");
        assertThat(total(graph.edge(frontProxy, front))).isEqualTo(10);
        assertThat(total(graph.edge(front, frontProxy))).as("front's egress through its proxy").isEqualTo(10);
        Map<String, Object> colorProxy = graph.node(MeshTraffic.COLOR_PROXY, MeshTraffic.PROXY);
        assertThat(total(graph.edge(frontProxy, colorProxy))).isEqualTo(10);
        assertThat(total(graph.edge(colorProxy, graph.node("color", null)))).isEqualTo(10);
        assertThat(graph.edgeCount()).isEqualTo(5);
        graph.assertStatisticsAddUp();
    }

    @Test
    void aFaultFromColorShowsOnTheCallPathButNotOnFrontOrTheClientEdge() {
        send(9, 0);
        for (String doc : traffic.colorRequest(T0 + 100, 500)) {
            put(doc);
        }

        Graph graph = graph(T0, T0 + 300);

        Map<String, Object> frontProxy = graph.node(MeshTraffic.FRONT_PROXY, MeshTraffic.PROXY);
        Map<String, Object> front = graph.node("front", null);
        Map<String, Object> colorProxy = graph.node(MeshTraffic.COLOR_PROXY, MeshTraffic.PROXY);
        Map<String, Object> color = graph.node("color", null);
        Map<String, Object> client = graph.node(MeshTraffic.FRONT_PROXY, "client");
        assertThat(faults(color)).isEqualTo(1);
        assertThat(faults(colorProxy)).isEqualTo(1);
        assertThat(faults(frontProxy)).as("the egress segment").isEqualTo(1);
        assertThat(faults(front)).isZero();
        assertThat(faults(graph.edge(colorProxy, color))).isEqualTo(1);
        assertThat(faults(graph.edge(frontProxy, colorProxy))).isEqualTo(1);
        assertThat(faults(graph.edge(front, frontProxy))).isEqualTo(1);
        assertThat(faults(graph.edge(frontProxy, front))).isZero();
        assertThat(faults(graph.edge(client, frontProxy))).isZero();
        assertThat(total(color)).isEqualTo(10);
        graph.assertStatisticsAddUp();
    }

    @Test
    void onlySegmentsStartingInsideTheWindowCount() {
        send(4, 0);
        send(6, 600);

        assertThat(total(graph(T0, T0 + 300).node("color", null))).isEqualTo(4);
        assertThat(total(graph(T0 + 500, T0 + 900).node("color", null))).isEqualTo(6);
        assertThat(graph(T0 + 2000, T0 + 2300).names()).isEmpty();
    }

    @Test
    void anUninstrumentedDownstreamBecomesAnInferredRemoteNode() {
        String trace = traffic.traceId((long) T0);
        put(MeshTraffic.segment(trace, traffic.id(), null, "front", null, T0 + 1, T0 + 1.2, 200,
                MeshTraffic.subsegment(traffic.id(), "internal-alb.local", T0 + 1.05, T0 + 1.15, 404)));
        assertThat(graphNow(T0, T0 + 300).names()).as("the callee's segment may still be on its way")
                .containsExactlyInAnyOrder("client:front", "null:front");

        Graph graph = graph(T0, T0 + 300);

        Map<String, Object> remote = graph.node("internal-alb.local", "remote");
        assertThat(remote.get("State")).isEqualTo("unknown");
        Map<String, ?> errors = stats(remote, "ErrorStatistics");
        assertThat(errors.get("OtherCount")).isEqualTo(1L);
        assertThat(total(graph.edge(graph.node("front", null), remote))).isEqualTo(1);
    }

    @Test
    void piecesOfATraceThatArriveOutOfOrderNeverShowAsPhantomCallersOrCallees() {
        String trace = traffic.traceId((long) T0);
        String front = traffic.id();
        String call = traffic.id();
        String frontDoc = MeshTraffic.segment(trace, front, null, "front", null, T0 + 1, T0 + 1.2, 200,
                MeshTraffic.subsegment(call, "color", T0 + 1.05, T0 + 1.15, 200));
        String colorDoc = MeshTraffic.segment(trace, traffic.id(), call, "color", null, T0 + 1.06, T0 + 1.14, 200);

        put(colorDoc);
        assertThat(graphNow(T0, T0 + 300).names()).as("color's caller is on its way: no client node for color")
                .isEmpty();
        nanos.addAndGet(1_000_000_000L);
        put(frontDoc);
        Graph whole = graphNow(T0, T0 + 300);
        assertThat(whole.names()).containsExactlyInAnyOrder("client:front", "null:front", "null:color");
        assertThat(total(whole.edge(whole.node("front", null), whole.node("color", null)))).isEqualTo(1);

        String trace2 = traffic.traceId((long) T0 + 2);
        String call2 = traffic.id();
        put(MeshTraffic.segment(trace2, traffic.id(), null, "front", null, T0 + 2, T0 + 2.2, 200,
                MeshTraffic.subsegment(call2, "color", T0 + 2.05, T0 + 2.15, 200)));
        assertThat(graphNow(T0, T0 + 300).names()).as("color's segment is on its way: no remote color")
                .containsExactlyInAnyOrder("client:front", "null:front", "null:color");
        nanos.addAndGet(1_000_000_000L);
        put(MeshTraffic.segment(trace2, traffic.id(), call2, "color", null, T0 + 2.06, T0 + 2.14, 200));
        Graph after = graphNow(T0, T0 + 300);
        assertThat(total(after.edge(after.node("front", null), after.node("color", null)))).isEqualTo(2);
        assertThat(after.names()).hasSize(3);
    }

    @Test
    void subsegmentsSentOnTheirOwnAreFoldedIntoTheirSegment() {
        String trace = traffic.traceId((long) T0);
        String front = traffic.id();
        put(MeshTraffic.segment(trace, front, null, "front", null, T0 + 1, T0 + 1.2, 200));
        String call = traffic.id();
        put("{\"type\":\"subsegment\",\"trace_id\":\"" + trace + "\",\"parent_id\":\"" + front + "\",\"id\":\"" + call
                + "\",\"name\":\"color\",\"namespace\":\"remote\",\"start_time\":" + (T0 + 1.01)
                + ",\"end_time\":" + (T0 + 1.1) + "}");
        put(MeshTraffic.segment(trace, traffic.id(), call, "color", null, T0 + 1.02, T0 + 1.09, 200));

        Graph graph = graph(T0, T0 + 300);

        assertThat(graph.names()).containsExactlyInAnyOrder("client:front", "null:front", "null:color");
        assertThat(total(graph.edge(graph.node("front", null), graph.node("color", null)))).isEqualTo(1);
    }

    @Test
    void malformedDocumentsComeBackAsUnprocessedWithAReason() {
        String good = traffic.colorRequest(T0, 200).get(0);
        Map<?, ?> result = (Map<?, ?>) xray.call("PutTraceSegments", new Params(Map.of("TraceSegmentDocuments",
                List.of(good, "{not json", "{\"id\":\"0123456789abcdef\",\"trace_id\":\"1-xyz\",\"name\":\"a\","
                        + "\"start_time\":1,\"end_time\":2}",
                        "{\"id\":\"0123456789abcdef\",\"trace_id\":\"1-58406520-a006649127e371903a2de979\","
                                + "\"name\":\"a\",\"start_time\":1}"))), CTX);

        List<?> unprocessed = (List<?>) result.get("UnprocessedTraceSegments");
        assertThat(unprocessed).hasSize(3);
        assertThat(((Map<?, ?>) unprocessed.get(0)).get("ErrorCode")).isEqualTo("InvalidSegment");
        assertThat(((Map<?, ?>) unprocessed.get(1)).get("ErrorCode")).isEqualTo("InvalidTraceId");
        assertThat(((Map<?, ?>) unprocessed.get(1)).get("Id")).isEqualTo("0123456789abcdef");
        assertThat((String) ((Map<?, ?>) unprocessed.get(2)).get("Message")).contains("end_time");
        assertThat(xray.store().documentCount()).isEqualTo(1);
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsAnInvalidRequest() {
        assertThatThrownBy(() -> graph(T0 + 10, T0))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidRequestException");
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("must be before EndTime");
                });
        assertThatThrownBy(() -> xray.call("GetServiceGraph", new Params(Map.of("EndTime", T0)), CTX))
                .isInstanceOfSatisfying(AwsError.class,
                        e -> assertThat(e.getMessage()).contains("StartTime is required"));
    }

    @Test
    void traceSummariesFilterByServiceFaultAndResponseTime() {
        send(3, 0);
        for (String doc : traffic.colorRequest(T0 + 50, 500)) {
            put(doc);
        }

        assertThat(summaries(null)).hasSize(4);
        assertThat(summaries("service(\"color\") { fault }")).hasSize(1);
        assertThat(summaries("fault")).as("the root (front proxy ingress) answered 200").isEmpty();
        assertThat(summaries("ok AND responsetime < 0.5")).hasSize(4);
        assertThat(summaries("responsetime > 0.5 OR !service(\"front\")")).isEmpty();
        assertThat(summaries("http.status = 200 AND (duration >= 0.009)")).hasSize(4);
        assertThatThrownBy(() -> summaries("service(\"color\" AND"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.code()).isEqualTo("InvalidRequestException");
                    assertThat(e.getMessage()).contains("Expected ')'");
                });
    }

    @Test
    void batchGetTracesReturnsTheOriginalDocumentsAndNamesUnknownIds() {
        List<String> docs = traffic.colorRequest(T0, 200);
        docs.forEach(this::put);
        String traceId = docs.get(0).substring(docs.get(0).indexOf("1-"), docs.get(0).indexOf("1-") + 35);

        Map<?, ?> out = (Map<?, ?>) xray.call("BatchGetTraces", new Params(Map.of("TraceIds",
                List.of(traceId, "1-00000000-000000000000000000000000"))), CTX);

        List<?> traces = (List<?>) out.get("Traces");
        assertThat(traces).hasSize(1);
        List<?> segments = (List<?>) ((Map<?, ?>) traces.get(0)).get("Segments");
        assertThat(segments.stream().map(s -> ((Map<?, ?>) s).get("Document")).toList())
                .isEqualTo(new ArrayList<Object>(docs));
        assertThat(out.get("UnprocessedTraceIds")).isEqualTo(List.of("1-00000000-000000000000000000000000"));
    }

    @Test
    void theCompleteCopyOfAnInProgressSegmentReplacesIt() {
        String trace = traffic.traceId((long) T0);
        String id = traffic.id();
        put("{\"trace_id\":\"" + trace + "\",\"id\":\"" + id + "\",\"name\":\"front\",\"start_time\":"
                + (T0 + 1) + ",\"in_progress\":true}");
        assertThat(graph(T0, T0 + 300).names()).isEmpty();
        put(MeshTraffic.segment(trace, id, null, "front", null, T0 + 1, T0 + 2, 200));

        assertThat(total(graph(T0, T0 + 300).node("front", null))).isEqualTo(1);
        assertThat(xray.store().documentCount()).isEqualTo(1);
    }

    private void send(int requests, double offset) {
        for (int i = 0; i < requests; i++) {
            for (String doc : traffic.colorRequest(T0 + offset + 1 + i, 200)) {
                put(doc);
            }
        }
    }

    private void put(String doc) {
        Map<?, ?> out = (Map<?, ?>) xray.call("PutTraceSegments",
                new Params(Map.of("TraceSegmentDocuments", List.of(doc))), CTX);
        assertThat((List<?>) out.get("UnprocessedTraceSegments")).as(doc).isEmpty();
    }

    private List<?> summaries(String filter) {
        Map<String, Object> in = new HashMap<>(Map.of("StartTime", T0, "EndTime", T0 + 300));
        if (filter != null) {
            in.put("FilterExpression", filter);
        }
        return (List<?>) ((Map<?, ?>) xray.call("GetTraceSummaries", new Params(in), CTX)).get("TraceSummaries");
    }

    /** The graph once every trace stored so far has settled (as a map drawn a few seconds later sees it). */
    private Graph graph(double start, double end) {
        nanos.addAndGet(ServiceGraphBuilder.SERVICE_GRAPH_SETTLE_NANOS);
        return graphNow(start, end);
    }

    private Graph graphNow(double start, double end) {
        Map<?, ?> out = (Map<?, ?>) xray.call("GetServiceGraph",
                new Params(Map.of("StartTime", start, "EndTime", end)), CTX);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> services = (List<Map<String, Object>>) out.get("Services");
        return new Graph(services);
    }

    @SuppressWarnings("unchecked")
    static Map<String, ?> stats(Map<String, ?> nodeOrEdge, String part) {
        Map<String, ?> summary = (Map<String, ?>) nodeOrEdge.get("SummaryStatistics");
        return part == null ? summary : (Map<String, ?>) summary.get(part);
    }

    static long total(Map<String, ?> nodeOrEdge) {
        return (Long) stats(nodeOrEdge, null).get("TotalCount");
    }

    static long faults(Map<String, ?> nodeOrEdge) {
        return (Long) stats(nodeOrEdge, "FaultStatistics").get("TotalCount");
    }

    /** Lookup helpers over a GetServiceGraph answer. */
    record Graph(List<Map<String, Object>> services) {

        List<String> names() {
            List<String> names = new ArrayList<>();
            for (Map<String, Object> s : services) {
                names.add(s.get("Type") + ":" + s.get("Name"));
            }
            return names;
        }

        Map<String, Object> node(String name, String type) {
            return services.stream()
                    .filter(s -> s.get("Name").equals(name) && Objects.equals(s.get("Type"), type))
                    .findFirst().orElseThrow(() -> new AssertionError("no node " + type + ":" + name + " in " + names()));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> edge(Map<String, Object> from, Map<String, Object> to) {
            return ((List<Map<String, Object>>) from.get("Edges")).stream()
                    .filter(e -> e.get("ReferenceId").equals(to.get("ReferenceId")))
                    .findFirst().orElseThrow(() -> new AssertionError("no edge " + from.get("Name") + " -> " + to.get("Name")));
        }

        @SuppressWarnings("unchecked")
        int edgeCount() {
            return services.stream().mapToInt(s -> ((List<?>) s.get("Edges")).size()).sum();
        }

        @SuppressWarnings("unchecked")
        void assertStatisticsAddUp() {
            List<Map<String, ?>> all = new ArrayList<>();
            for (Map<String, Object> s : services) {
                if (s.containsKey("SummaryStatistics")) {
                    all.add(s);
                }
                all.addAll((List<Map<String, ?>>) s.get("Edges"));
            }
            for (Map<String, ?> item : all) {
                Map<String, ?> st = stats(item, null);
                Map<String, ?> errors = (Map<String, ?>) st.get("ErrorStatistics");
                Map<String, ?> faults = (Map<String, ?>) st.get("FaultStatistics");
                assertThat((Long) st.get("TotalCount")).isEqualTo((Long) st.get("OkCount")
                        + (Long) errors.get("TotalCount") + (Long) faults.get("TotalCount"));
                assertThat((Long) errors.get("TotalCount"))
                        .isEqualTo((Long) errors.get("ThrottleCount") + (Long) errors.get("OtherCount"));
                long histogramCount = ((List<Map<String, ?>>) item.get("ResponseTimeHistogram")).stream()
                        .mapToLong(h -> ((Number) h.get("Count")).longValue()).sum();
                assertThat(histogramCount).isEqualTo((Long) st.get("TotalCount"));
            }
        }
    }
}
