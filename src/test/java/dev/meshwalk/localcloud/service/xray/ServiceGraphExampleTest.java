package dev.meshwalk.localcloud.service.xray;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Replays the traffic behind the reference example of a meshified GetServiceGraph answer
 * (fixture {@code xray/example-graph-meshified.json}: 45 /color calls and 10 /ping health checks) and
 * checks that the builder gives the same nodes, edges, counts, and the same members on each kind of node.
 * Timings are not compared: the example's come from a real run.
 */
class ServiceGraphExampleTest {

    private static final double T0 = 1_732_550_400;
    private static final String ECS = "AWS::ECS::Container";

    @Test
    void theMeshifiedExampleIsReproducedNodeForNodeAndEdgeForEdge() throws Exception {
        XRayService xray = new XRayService(new TraceStore());
        MeshTraffic traffic = new MeshTraffic();
        for (int i = 0; i < 45; i++) {
            for (String doc : traffic.colorRequest(T0 + 3 + i * 6, 200, ECS)) {
                xray.accept(doc);
            }
        }
        for (int i = 0; i < 10; i++) {
            for (String doc : traffic.pingRequest(T0 + 5 + i * 28, ECS)) {
                xray.accept(doc);
            }
        }
        RequestContext context = new RequestContext("us-east-1", "123456789012", "r");
        // Instants become epoch seconds, as restJson1 writes them.
        ObjectMapper json = new ObjectMapper().registerModule(new SimpleModule().addSerializer(Instant.class,
                new StdSerializer<>(Instant.class) {
                    @Override
                    public void serialize(Instant v, JsonGenerator gen, SerializerProvider p) throws IOException {
                        gen.writeNumber(v.getEpochSecond() + v.getNano() / 1e9);
                    }
                }));
        JsonNode ours = json.valueToTree(xray.call("GetServiceGraph",
                new Params(Map.of("StartTime", T0, "EndTime", T0 + 300)), context));
        JsonNode example;
        try (InputStream in = getClass().getResourceAsStream("/xray/example-graph-meshified.json")) {
            example = json.readTree(in);
        }

        assertThat(summary(ours)).isEqualTo(summary(example));
        assertThat(edges(ours)).isEqualTo(edges(example));
        assertThat(memberNames(ours)).isEqualTo(memberNames(example));
    }

    /** type:name → Root, State, TotalCount, OkCount, AccountId. */
    private static Map<String, String> summary(JsonNode graph) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode s : graph.path("Services")) {
            out.put(s.path("Type").asText() + ":" + s.path("Name").asText(),
                    "root=" + s.path("Root").asBoolean(false) + " state=" + s.path("State").asText()
                            + " total=" + s.path("SummaryStatistics").path("TotalCount").asText("-")
                            + " ok=" + s.path("SummaryStatistics").path("OkCount").asText("-")
                            + " account=" + s.path("AccountId").asText("-"));
        }
        return out;
    }

    /** "source -> target" → total count and histogram total. */
    private static Map<String, String> edges(JsonNode graph) {
        List<JsonNode> services = new ArrayList<>();
        graph.path("Services").forEach(services::add);
        Map<String, String> out = new TreeMap<>();
        for (JsonNode s : services) {
            for (JsonNode e : s.path("Edges")) {
                JsonNode target = services.stream().filter(t -> t.path("ReferenceId").asInt() == e.path("ReferenceId").asInt())
                        .findFirst().orElseThrow();
                long histogram = 0;
                for (JsonNode h : e.path("ResponseTimeHistogram")) {
                    histogram += h.path("Count").asLong();
                }
                out.put(s.path("Type").asText() + ":" + s.path("Name").asText() + " -> " + target.path("Type").asText()
                        + ":" + target.path("Name").asText(), e.path("SummaryStatistics").path("TotalCount").asText()
                        + " histogram=" + histogram + " aliases=" + e.path("Aliases"));
            }
        }
        return out;
    }

    /** Which members each node and edge carries, by node type. */
    private static Map<String, TreeSet<String>> memberNames(JsonNode graph) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (JsonNode s : graph.path("Services")) {
            TreeSet<String> names = new TreeSet<>();
            s.fieldNames().forEachRemaining(names::add);
            out.computeIfAbsent(s.path("Type").asText() + (s.path("Root").asBoolean(false) ? "/root" : ""),
                    k -> new TreeSet<>()).addAll(names);
            for (JsonNode e : s.path("Edges")) {
                e.fieldNames().forEachRemaining(n -> out.computeIfAbsent("edge", k -> new TreeSet<>()).add(n));
            }
        }
        return out;
    }
}
