package dev.meshwalk.localcloud.dataplane.telemetry;

import dev.meshwalk.localcloud.dataplane.elb.LoadBalancerTelemetry;
import java.util.HashMap;
import java.util.Map;

/**
 * Publishes the {@code AWS/ApplicationELB} metrics an ALB publishes, from each request a local listener answers:
 * {@code RequestCount}, {@code TargetResponseTime} (seconds), {@code HTTPCode_Target_2XX/3XX/4XX/5XX_Count},
 * {@code HTTPCode_ELB_5XX_Count} (502/503 the load balancer produced itself), and {@code HealthyHostCount} /
 * {@code UnHealthyHostCount} as seen at that request. Dimensions as on AWS: {@code LoadBalancer}
 * ({@code app/<name>/<id>}, the ARN's tail) alone, and with {@code TargetGroup} ({@code targetgroup/<name>/<id>}).
 *
 * <p>AWS publishes host counts every minute whether or not requests arrive; locally they are sampled per request,
 * which is enough for the tutorial's charts (their Average is the host count) and needs no timer.
 * The load balancer itself sends no trace data and never appears on the X-Ray map (reference 3.4).
 */
public final class LoadBalancerMetrics implements LoadBalancerTelemetry {

    static final String NAMESPACE = "AWS/ApplicationELB";

    private final MetricSink metrics;
    private final IntakeStatistics statistics;

    public LoadBalancerMetrics(MetricSink metrics, IntakeStatistics statistics) {
        this.metrics = metrics;
        this.statistics = statistics;
    }

    @Override
    public void requestServed(LoadBalancerRequestServed request) {
        String loadBalancer = dimensionOf(request.loadBalancerArn(), "loadbalancer/");
        Map<String, String> byLoadBalancer = Map.of("LoadBalancer", loadBalancer);
        Map<String, String> byTargetGroup = byLoadBalancer;
        if (request.targetGroupArn() != null) {
            Map<String, String> both = new HashMap<>(byLoadBalancer);
            both.put("TargetGroup", dimensionOf(request.targetGroupArn(), ""));
            byTargetGroup = Map.copyOf(both);
        }
        for (Map<String, String> dimensions : request.targetGroupArn() == null ? java.util.List.of(byLoadBalancer)
                : java.util.List.of(byLoadBalancer, byTargetGroup)) {
            put("RequestCount", dimensions, 1, "Count", request);
            if (request.fromTarget()) {
                put("TargetResponseTime", dimensions, request.targetTime().toNanos() / 1e9, "Seconds", request);
                put("HTTPCode_Target_" + request.status() / 100 + "XX_Count", dimensions, 1, "Count", request);
            } else if (request.status() >= 500) {
                put("HTTPCode_ELB_5XX_Count", dimensions, 1, "Count", request);
            }
        }
        if (request.targetGroupArn() != null) {
            put("HealthyHostCount", byTargetGroup, request.healthyTargets(), "Count", request);
            put("UnHealthyHostCount", byTargetGroup, request.unhealthyTargets(), "Count", request);
        }
    }

    /**
     * {@code arn:aws:elasticloadbalancing:r:a:loadbalancer/app/n/id} gives {@code app/n/id};
     * {@code ...:targetgroup/n/id} gives {@code targetgroup/n/id}.
     */
    static String dimensionOf(String arn, String dropPrefix) {
        String resource = arn;
        for (int field = 0; field < 5 && resource.indexOf(':') >= 0; field++) {
            resource = resource.substring(resource.indexOf(':') + 1);
        }
        return resource.startsWith(dropPrefix) ? resource.substring(dropPrefix.length()) : resource;
    }

    private void put(String name, Map<String, String> dimensions, double value, String unit,
                     LoadBalancerRequestServed request) {
        try {
            metrics.put(NAMESPACE, name, dimensions, value, unit, request.at());
            statistics.metricsPublished.incrementAndGet();
        } catch (RuntimeException refused) {
            statistics.problem("load balancer metric refused: " + refused.getMessage());
        }
    }
}
