package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import dev.meshwalk.localcloud.provider.EcsResources;
import dev.meshwalk.localcloud.provider.ResourceRecord;
import dev.meshwalk.localcloud.service.Params;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what an ECS request names, the way ECS reads its identifiers: a cluster, service or task by name (id) or
 * ARN, a task definition by {@code family}, {@code family:revision} or ARN; a missing {@code cluster} means
 * {@code default}. Reads the data plane's live ECS and, for what only a template says, the stacks' resource records.
 */
final class EcsLookup {

    static final String DEFAULT_CLUSTER = "default";

    private final Ecs ecs;
    private final EcsResources records;

    EcsLookup(Ecs ecs, EcsResources records) {
        this.ecs = ecs;
        this.records = records;
    }

    Ecs ecs() {
        return ecs;
    }

    /** The cluster the request names ({@code default} when none), which must exist. */
    String cluster(Params input) {
        String cluster = clusterName(input.string("cluster").filter(s -> !s.isBlank()).orElse(DEFAULT_CLUSTER));
        if (!ecs.clusterNames().contains(cluster)) {
            throw EcsErrors.clusterNotFound();
        }
        return cluster;
    }

    /** {@code arn:aws:ecs:<region>:<account>:cluster/<name>} or a name, as a name. */
    static String clusterName(String identifier) {
        int slash = identifier.indexOf(":cluster/");
        return slash >= 0 ? identifier.substring(slash + ":cluster/".length()) : identifier;
    }

    /** A service of the cluster by name or ARN ({@code service/<cluster>/<name>} or the older {@code service/<name>}). */
    Optional<EcsService> service(String cluster, String identifier) {
        String name = identifier.substring(identifier.lastIndexOf('/') + 1);
        if (identifier.contains(":service/")) {
            String[] parts = identifier.substring(identifier.indexOf(":service/") + ":service/".length()).split("/");
            if (parts.length == 2 && !parts[0].equals(cluster)) {
                return Optional.empty();
            }
        }
        return ecs.service(cluster, name);
    }

    EcsService requireService(String cluster, String identifier) {
        return service(cluster, identifier).orElseThrow(EcsErrors::serviceNotFound);
    }

    List<EcsService> services(String cluster) {
        return ecs.services().stream().filter(s -> s.cluster().equals(cluster))
                .sorted(Comparator.comparing(EcsService::name)).toList();
    }

    /** Tasks of the cluster: running ones, then those stopped recently. */
    List<TaskInfo> tasks(String cluster) {
        List<TaskInfo> out = new ArrayList<>();
        for (EcsService service : services(cluster)) {
            out.addAll(service.tasks());
            out.addAll(service.stoppedTasks());
        }
        return out;
    }

    /** A task by id or ARN; when a task is listed twice (stopping, then stopped), its latest state. */
    Optional<TaskInfo> task(String cluster, String identifier) {
        String id = identifier.substring(identifier.lastIndexOf('/') + 1);
        TaskInfo found = null;
        for (TaskInfo t : tasks(cluster)) {
            if (t.taskArn().endsWith("/" + id)) {
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    /** A task definition by ARN, {@code family:revision} or {@code family} (its latest active revision). */
    Optional<TaskDefinition> taskDefinition(String identifier) {
        String ref = identifier.contains(":task-definition/")
                ? identifier.substring(identifier.indexOf(":task-definition/") + ":task-definition/".length())
                : identifier;
        int colon = ref.lastIndexOf(':');
        String family = colon < 0 ? ref : ref.substring(0, colon);
        String revision = colon < 0 ? null : ref.substring(colon + 1);
        return ecs.taskDefinitions().stream()
                .filter(d -> d.family().equals(family))
                .filter(d -> revision == null || String.valueOf(d.revision()).equals(revision))
                .max(Comparator.comparingInt(TaskDefinition::revision));
    }

    /** The template's properties of the stack resource with this physical id, or an empty map. */
    Map<String, Object> templateProperties(String physicalId) {
        return records.get(physicalId).map(ResourceRecord::properties).orElse(Map.of());
    }

    /** The template's properties of a service, found by its ARN or, failing that, by cluster and name. */
    Map<String, Object> serviceTemplate(EcsService service) {
        return records.get(service.arn()).or(() -> records.ofType(EcsResources.SERVICE).stream()
                        .filter(r -> service.name().equals(r.attributes().get("Name"))
                                && r.physicalId().contains(":service/" + service.cluster() + "/"))
                        .findFirst())
                .map(ResourceRecord::properties).orElse(Map.of());
    }

    String clusterArn(String cluster) {
        return ecs.clusterArn(cluster);
    }
}
