package dev.meshwalk.localcloud.dataplane.elb;

import java.time.Duration;
import java.time.Instant;

/**
 * What a local load balancer reports for every request a listener answers, so the telemetry side can publish the
 * {@code AWS/ApplicationELB} metrics an ALB publishes (RequestCount, TargetResponseTime, HTTPCode_*, host counts).
 * Called on the listener's request thread after answering; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface LoadBalancerTelemetry {

    void requestServed(LoadBalancerRequestServed request);

    /** For a data plane started without a telemetry intake. */
    static LoadBalancerTelemetry none() {
        return request -> { };
    }

    /**
     * One request through a listener.
     *
     * @param loadBalancerArn  the load balancer's ARN ({@code ...:loadbalancer/app/<name>/<id>})
     * @param targetGroupArn   the group the request was routed to ({@code ...:targetgroup/<name>/<id>}), or null
     * @param status           status sent to the client
     * @param fromTarget       true when a target produced the status; false when the ALB itself answered (502/503)
     * @param targetTime       time from sending to the target until its answer (zero when no target answered)
     * @param healthyTargets   targets of the group in rotation and healthy when the request was served
     * @param unhealthyTargets targets of the group failing health checks at that moment
     */
    record LoadBalancerRequestServed(String loadBalancerArn, String targetGroupArn, int status, boolean fromTarget,
                                     Duration targetTime, Instant at, int healthyTargets, int unhealthyTargets) {
    }
}
