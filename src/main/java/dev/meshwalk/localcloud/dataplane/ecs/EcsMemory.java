package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.List;
import java.util.Map;

/**
 * What ECS remembers that no stack record holds, kept across local-cloud restarts: the last revision number of each
 * task definition family (ECS never hands out a revision twice, even after the revision or its stack is gone), and
 * each service's deployment history by service ARN, oldest first (ListServiceDeployments and DescribeServices show the
 * same deployments after a restart).
 */
public record EcsMemory(Map<String, Integer> revisions, Map<String, List<SavedDeployment>> deployments) {

    public EcsMemory {
        revisions = revisions == null ? Map.of() : Map.copyOf(revisions);
        deployments = deployments == null ? Map.of() : Map.copyOf(deployments);
    }

    public static EcsMemory empty() {
        return new EcsMemory(Map.of(), Map.of());
    }
}
