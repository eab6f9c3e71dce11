package dev.meshwalk.localcloud.dataplane.serviceconnect;

import java.time.Duration;
import java.time.Instant;

/**
 * What a Service Connect proxy reports for every request it forwards, so the telemetry side can publish the
 * {@code AWS/ECS} Service Connect metrics (RequestCount, HTTPCode_Target_*, TargetResponseTime). The managed proxy
 * sends no trace segments (it is not on the X-Ray map); only metrics. Called on the request thread after
 * answering; implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ServiceConnectTelemetry {

    void requestServed(RequestServed request);

    /** For a data plane started without a telemetry intake. */
    static ServiceConnectTelemetry none() {
        return request -> { };
    }

    /** Which side of the proxy saw the request. */
    enum Direction {
        /** Into a server task: dimension {@code DiscoveryName} is the task's own service. */
        INBOUND,
        /** Out of a client task: dimension {@code TargetDiscoveryName} is the service called. */
        OUTBOUND
    }

    /**
     * One request through a proxy.
     *
     * @param serviceName   the ECS service whose task runs the proxy
     * @param discoveryName the Service Connect service the request is for (own for inbound, target for outbound)
     * @param status        status the proxy answered with (0 never: connection failures answer 503)
     * @param fromTarget    true when the upstream produced the status; false when the proxy answered itself
     * @param targetTime    time the upstream took (zero when none answered)
     */
    record RequestServed(Direction direction, String clusterName, String serviceName, String discoveryName,
                         int status, boolean fromTarget, Duration targetTime, Instant at) {
    }
}
