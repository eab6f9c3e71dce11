package dev.meshwalk.localcloud.provider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ECS clusters, task definitions (with per-family revision counters, as ECS numbers them) and services.
 * The data plane listens here to start a service's tasks from its task definition.
 */
public final class EcsResources extends ResourceStore {

    public static final String CLUSTER = "AWS::ECS::Cluster";
    public static final String TASK_DEFINITION = "AWS::ECS::TaskDefinition";
    public static final String SERVICE = "AWS::ECS::Service";

    private final Map<String, AtomicInteger> revisions = new ConcurrentHashMap<>();

    int nextRevision(String family) {
        return revisions.computeIfAbsent(family, f -> new AtomicInteger()).incrementAndGet();
    }

    /** The last revision handed out per family, for a restart to go on from (ECS never reuses one). */
    public Map<String, Integer> lastRevisions() {
        Map<String, Integer> last = new java.util.TreeMap<>();
        revisions.forEach((family, n) -> last.put(family, n.get()));
        return last;
    }

    /** Goes on from revisions a previous local cloud handed out; call before its stacks are restored. */
    public void continueRevisions(Map<String, Integer> last) {
        last.forEach((family, n) -> revisions.computeIfAbsent(family, f -> new AtomicInteger())
                .accumulateAndGet(n, Math::max));
    }

    /** A cluster by name or ARN. */
    public Optional<ResourceRecord> cluster(String nameOrArn) {
        return ofType(CLUSTER).stream().filter(r -> r.physicalId().equals(nameOrArn)
                || nameOrArn.equals(r.attributes().get("Arn"))).findFirst();
    }

    /** A task definition by ARN (what a service's {@code TaskDefinition} property holds). */
    public Optional<ResourceRecord> taskDefinition(String arn) {
        return get(arn).filter(r -> r.type().equals(TASK_DEFINITION));
    }
}
