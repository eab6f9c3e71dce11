package dev.meshwalk.localcloud.dataplane.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry.Direction;
import dev.meshwalk.localcloud.dataplane.mesh.ProxyTelemetry.ProxyRequestObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeshProxyTelemetryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRACE = "1-5759e988-bd862e3fe1be46a994272793";

    private record Datum(String namespace, String name, Map<String, String> dimensions, double value, String unit) {
    }

    private final List<String> segments = new ArrayList<>();
    private final List<Datum> metrics = new ArrayList<>();
    private final MeshProxyTelemetry telemetry = new MeshProxyTelemetry(segments::add,
            (ns, name, dims, value, unit, at) -> metrics.add(new Datum(ns, name, dims, value, unit)),
            new IntakeStatistics());

    private static ProxyRequestObserved observed(Direction direction, int status, String parent, boolean sampled) {
        return new ProxyRequestObserved("howto", "howto-color-v2-node", direction,
                "cds_egress_howto_howto-color-v2-node_http_8080", "howto-color-v2-node", "GET", "/color",
                "color.howto.local:8080", status, Instant.ofEpochSecond(1_700_000_000L, 500_000_000),
                Duration.ofMillis(12), TRACE, parent, "53995c3f42cd8ad8", "10.0.0.7", sampled);
    }

    @Test
    void anIngressRequestBecomesAnEnvoySegmentNamedAfterMeshAndVirtualNode() throws Exception {
        telemetry.requestObserved(observed(Direction.INGRESS, 200, "a1b2c3d4e5f60718", true));

        JsonNode segment = JSON.readTree(segments.get(0));
        assertThat(segment.get("name").asText()).isEqualTo("howto/howto-color-v2-node");
        assertThat(segment.get("origin").asText()).isEqualTo("AWS::AppMesh::Proxy");
        assertThat(segment.get("id").asText()).isEqualTo("53995c3f42cd8ad8");
        assertThat(segment.get("trace_id").asText()).isEqualTo(TRACE);
        assertThat(segment.get("parent_id").asText()).isEqualTo("a1b2c3d4e5f60718");
        assertThat(segment.get("start_time").asDouble()).isEqualTo(1_700_000_000.5);
        assertThat(segment.get("end_time").asDouble()).isCloseTo(1_700_000_000.512, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(segment.at("/http/response/status").asInt()).isEqualTo(200);
        assertThat(segment.at("/http/request/url").asText()).isEqualTo("http://color.howto.local:8080/color");
        assertThat(segment.at("/annotations/direction").asText()).isEqualTo("ingress");
        assertThat(segment.has("fault")).isFalse();
        assertThat(segment.has("error")).isFalse();
    }

    @Test
    void theSegmentCarriesTheRequestTheAnnotationsAndTheAppMeshBlock() throws Exception {
        telemetry.requestObserved(observed(Direction.EGRESS, 200, "a1b2c3d4e5f60718", true));

        JsonNode segment = JSON.readTree(segments.get(0));
        assertThat(segment.at("/http/request/method").asText()).isEqualTo("GET");
        assertThat(segment.at("/http/request/client_ip").asText()).isEqualTo("10.0.0.7");
        assertThat(segment.at("/annotations/component").asText()).isEqualTo("proxy");
        assertThat(segment.at("/annotations/upstream_cluster").asText())
                .isEqualTo("cds_egress_howto_howto-color-v2-node_http_8080");
        assertThat(segment.at("/aws/app_mesh/mesh_name").asText()).isEqualTo("howto");
        assertThat(segment.at("/aws/app_mesh/virtual_node_name").asText()).isEqualTo("howto-color-v2-node");
        assertThat(segment.size()).as("fields: " + segment.fieldNames()).isEqualTo(10);
    }

    @Test
    void aRequestWithoutParentIsARootAndA500IsAFault() throws Exception {
        telemetry.requestObserved(observed(Direction.EGRESS, 500, null, true));

        JsonNode segment = JSON.readTree(segments.get(0));
        assertThat(segment.has("parent_id")).as("root: the ALB sent only Root").isFalse();
        assertThat(segment.get("fault").asBoolean()).isTrue();
        assertThat(segment.at("/annotations/direction").asText()).isEqualTo("egress");
        assertThat(metrics).anySatisfy(d -> {
            assertThat(d.name()).isEqualTo("envoy.http.downstream_rq_xx");
            assertThat(d.dimensions()).containsEntry("envoy.response_code_class", "5")
                    .containsEntry("envoy.http_conn_manager_prefix", "egress");
        });
    }

    @Test
    void a429IsAThrottleAndA404AnError() throws Exception {
        telemetry.requestObserved(observed(Direction.INGRESS, 429, null, true));
        telemetry.requestObserved(observed(Direction.INGRESS, 404, null, true));

        JsonNode throttled = JSON.readTree(segments.get(0));
        assertThat(throttled.get("throttle").asBoolean()).isTrue();
        assertThat(throttled.has("fault")).isFalse();
        JsonNode notFound = JSON.readTree(segments.get(1));
        assertThat(notFound.get("error").asBoolean()).isTrue();
        assertThat(notFound.has("throttle")).isFalse();
    }

    @Test
    void anUnsampledRequestIsCountedInMetricsButSendsNoSegment() {
        telemetry.requestObserved(observed(Direction.INGRESS, 200, "a1b2c3d4e5f60718", false));

        assertThat(segments).isEmpty();
        assertThat(metrics).extracting(Datum::name).contains("envoy.http.downstream_rq_total",
                "envoy.http.downstream_rq_time", "envoy.http.downstream_rq_xx", "envoy.cluster.upstream_rq_total");
    }

    @Test
    void metricsUseTheMeshAsNamespaceAndAppMeshDimensions() {
        telemetry.requestObserved(observed(Direction.INGRESS, 200, null, true));

        assertThat(metrics).allSatisfy(d -> {
            assertThat(d.namespace()).isEqualTo("howto");
            assertThat(d.dimensions()).containsEntry("appmesh.mesh", "howto")
                    .containsEntry("appmesh.virtual_node", "howto-color-v2-node");
        });
        assertThat(metrics).filteredOn(d -> d.name().equals("envoy.http.downstream_rq_time"))
                .singleElement().satisfies(d -> {
                    assertThat(d.value()).isEqualTo(12.0);
                    assertThat(d.unit()).isEqualTo("Milliseconds");
                    assertThat(d.dimensions()).containsEntry("envoy.http_conn_manager_prefix", "ingress");
                });
        assertThat(metrics).filteredOn(d -> d.name().equals("envoy.cluster.upstream_rq_total"))
                .singleElement().satisfies(d -> assertThat(d.dimensions())
                        .containsEntry("envoy.cluster_name", "cds_egress_howto_howto-color-v2-node_http_8080"));
    }
}
