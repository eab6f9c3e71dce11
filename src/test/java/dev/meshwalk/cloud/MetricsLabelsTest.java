package dev.meshwalk.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/** The Envoy series the metrics views show, named the way a learner reads them. */
class MetricsLabelsTest {

    private static Metric metric(String name, String... dimensions) {
        Metric.Builder b = Metric.builder().namespace("howto-ecs-basics").metricName(name);
        Dimension[] ds = new Dimension[dimensions.length / 2];
        for (int i = 0; i < ds.length; i++) {
            ds[i] = Dimension.builder().name(dimensions[2 * i]).value(dimensions[2 * i + 1]).build();
        }
        return b.dimensions(ds).build();
    }

    @Test
    void downstreamCountersAreNamedBySideAndClassWithoutTheMeshPrefix() {
        Metric total = metric("envoy.http.downstream_rq_total", "appmesh.mesh", "howto-ecs-basics",
                "appmesh.virtual_node", "howto-ecs-basics-front-node", "envoy.http_conn_manager_prefix", "egress");
        Metric ok = metric("envoy.http.downstream_rq_xx", "appmesh.mesh", "howto-ecs-basics",
                "appmesh.virtual_node", "howto-ecs-basics-color-v2-node", "envoy.http_conn_manager_prefix", "ingress",
                "envoy.response_code_class", "2");
        assertThat(Metrics.isDownstreamRequests(total)).isTrue();
        assertThat(Metrics.isDownstreamRequests(ok)).isTrue();
        assertThat(Metrics.envoyGroup(total)).isEqualTo("Envoy front-node");
        assertThat(Metrics.envoyName(total)).isEqualTo("egress requests");
        assertThat(Metrics.envoyGroup(ok)).isEqualTo("Envoy color-v2-node");
        assertThat(Metrics.envoyName(ok)).isEqualTo("ingress 2xx");
    }

    @Test
    void upstreamClusterCountersAndTimingsAreLeftOut() {
        assertThat(Metrics.isDownstreamRequests(metric("envoy.cluster.upstream_rq_total", "envoy.cluster_name",
                "cds_egress_howto-ecs-basics_howto-ecs-basics-color-node_http_8080"))).isFalse();
        assertThat(Metrics.isDownstreamRequests(metric("envoy.http.downstream_rq_time"))).isFalse();
        assertThat(Metrics.isDownstreamRequests(metric("envoy.http.downstream_rq_xx"))).as("no class dimension").isFalse();
        assertThat(Metrics.isDownstreamRequests(metric("envoy.http.ingress.downstream_rq_5xx"))).isTrue();
    }

    @Test
    void seriesOnATimeGridKeepGapsAndPutTheNewestLast() {
        java.time.Instant end = java.time.Instant.parse("2026-11-25T23:00:00Z");
        MetricSeries s = new MetricSeries("ALB A", "RequestCount", false,
                java.util.List.of(end.minusSeconds(35), end.minusSeconds(5), end.minusSeconds(500)),
                java.util.List.of(1.0, 2.0, 9.0));
        assertThat(s.slots(end, java.time.Duration.ofSeconds(10), 4)).containsExactly(1.0, null, null, 2.0);
        assertThat(s.label()).isEqualTo("ALB A RequestCount");
    }
}
