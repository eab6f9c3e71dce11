package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.serviceconnect.ServiceConnect;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One service's share of Service Connect traffic per revision while a deployment decides it. A rolling
 * deployment leaves the split empty (every ready task gets traffic, as on ECS); a canary points a percentage at
 * the new revision; a rollback points everything back at the revision it restores. Kept apart from
 * {@link EcsService} so the service's reconciler says when to shift and this class says how.
 */
final class TrafficSplit {

    private final ServiceConnect serviceConnect;
    private final String cluster;
    private final String service;
    private final Consumer<String> events;

    TrafficSplit(ServiceConnect serviceConnect, String cluster, String service, Consumer<String> events) {
        this.serviceConnect = serviceConnect;
        this.cluster = cluster;
        this.service = service;
        this.events = events;
    }

    /** The split now (task definition ARN -> weight); empty when traffic reaches every ready task. */
    Map<String, Integer> now() {
        return serviceConnect.trafficSplit(cluster, service);
    }

    /** Points the split at the deployment's current shares (canaries and rollbacks only). */
    void apply(Deployment current, ServiceSpec spec) {
        if (spec.serviceConnect() == null || current.steady.isDone()) {
            return;
        }
        Map<String, Integer> wanted = current.isCanary() ? CanaryPhases.split(current)
                : current.internal ? Map.of(current.definition.arn(), 1) : Map.of();
        if (!wanted.equals(now())) {
            serviceConnect.splitTraffic(cluster, service, wanted);
            if (current.isCanary()) {
                events.accept("(service " + service + ") (deployment " + current.id + ") shifted "
                        + current.targetTrafficPercent + "% of traffic to " + current.definition.arn() + ".");
            }
        }
    }

    /** A deployment reached its steady state: traffic goes to every ready task again. */
    void clear() {
        serviceConnect.splitTraffic(cluster, service, Map.of());
    }
}
