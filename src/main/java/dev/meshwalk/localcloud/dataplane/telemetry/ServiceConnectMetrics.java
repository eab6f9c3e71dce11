package dev.meshwalk.localcloud.dataplane.telemetry;

import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnectTelemetry;
import java.util.List;
import java.util.Map;

/**
 * Publishes the {@code AWS/ECS} metrics Service Connect's proxies publish, from each request a local proxy
 * forwards: {@code RequestCount}, {@code HTTPCode_Target_2XX/3XX/4XX/5XX_Count} and {@code TargetResponseTime}
 * (milliseconds; both only when the upstream answered). Inbound requests (into a server task) carry
 * {@code DiscoveryName}, outbound ones (from a client task) {@code TargetDiscoveryName}, each alone and together
 * with {@code ClusterName} and {@code ServiceName} (the service whose task runs the proxy), as on AWS.
 *
 * <p>AWS aggregates in the agent and publishes once a minute; locally every request is one datum, which CloudWatch's
 * statistics sum up the same way.
 */
public final class ServiceConnectMetrics implements ServiceConnectTelemetry {

    static final String NAMESPACE = "AWS/ECS";

    private final MetricSink metrics;
    private final IntakeStatistics statistics;

    public ServiceConnectMetrics(MetricSink metrics, IntakeStatistics statistics) {
        this.metrics = metrics;
        this.statistics = statistics;
    }

    @Override
    public void requestServed(RequestServed request) {
        String nameDimension = request.direction() == Direction.INBOUND ? "DiscoveryName" : "TargetDiscoveryName";
        List<Map<String, String>> dimensionSets = List.of(
                Map.of(nameDimension, request.discoveryName()),
                Map.of("ClusterName", request.clusterName(), "ServiceName", request.serviceName(),
                        nameDimension, request.discoveryName()));
        for (Map<String, String> dimensions : dimensionSets) {
            put("RequestCount", dimensions, 1, "Count", request);
            if (request.fromTarget()) {
                put("HTTPCode_Target_" + request.status() / 100 + "XX_Count", dimensions, 1, "Count", request);
                put("TargetResponseTime", dimensions, request.targetTime().toNanos() / 1e6, "Milliseconds", request);
            }
        }
    }

    private void put(String name, Map<String, String> dimensions, double value, String unit, RequestServed request) {
        try {
            metrics.put(NAMESPACE, name, dimensions, value, unit, request.at());
            statistics.metricsPublished.incrementAndGet();
        } catch (RuntimeException refused) {
            statistics.problem("Service Connect metric refused: " + refused.getMessage());
        }
    }
}
