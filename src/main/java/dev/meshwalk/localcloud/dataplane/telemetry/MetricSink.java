package dev.meshwalk.localcloud.dataplane.telemetry;

import java.time.Instant;
import java.util.Map;

/**
 * Where the intake delivers metric data points, the equivalent of one PutMetricData datum with a single
 * value. The local cloud's root wires this to the CloudWatch metric store. Unlike PutMetricData, a sink
 * may take {@code AWS/...} namespaces: load balancers publish {@code AWS/ApplicationELB} this way.
 */
@FunctionalInterface
public interface MetricSink {

    /**
     * @param unit a CloudWatch unit name ({@code Count}, {@code Milliseconds}, {@code None}, ...)
     */
    void put(String namespace, String metricName, Map<String, String> dimensions, double value, String unit,
             Instant timestamp);
}
