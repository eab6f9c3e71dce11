package dev.meshwalk.localcloud.provider;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.List;
import java.util.Set;

/**
 * ECS clusters, task definitions and services with ECS's own naming: a cluster is its name, a task definition
 * its {@code family:revision} ARN (any change registers a new revision), a service its ARN.
 */
public final class EcsProvider extends FamilyProvider {

    public EcsProvider(EcsResources store) {
        super(store);
        kind(EcsResources.CLUSTER, List.of(), (r, cur) -> {
            String name = cur != null ? cur.physicalId() : textOr(r, "ClusterName", AwsIds.generatedName(r.stackName(), r.logicalId(), 255));
            return new Provisioned(name, attrs("Arn", arn(r, "ecs", "cluster/" + name)));
        });
        kind(EcsResources.TASK_DEFINITION, List.of(), (r, cur) -> {
            if (!(r.properties().get("ContainerDefinitions") instanceof List<?> l) || l.isEmpty()) {
                throw new ProvisionException("Properties validation failed for resource " + r.logicalId()
                        + " with message: #/ContainerDefinitions: expected at least one container definition");
            }
            String family = textOr(r, "Family", AwsIds.generatedName(r.stackName(), r.logicalId(), 255));
            String arn = arn(r, "ecs", "task-definition/" + family + ":" + store.nextRevision(family));
            return new Provisioned(arn, attrs("TaskDefinitionArn", arn));
        });
        kind(EcsResources.SERVICE, List.of("TaskDefinition"), (r, cur) -> {
            String clusterRef = textOr(r, "Cluster", "default");
            String cluster = store.cluster(clusterRef).map(ResourceRecord::physicalId).orElse(null);
            if (cluster == null && !clusterRef.equals("default")) {
                throw new ProvisionException("Cluster not found. (Service: AmazonECS; Status Code: 400; Error Code: ClusterNotFoundException)");
            }
            if (store.taskDefinition(text(r, "TaskDefinition")).isEmpty() && !text(r, "TaskDefinition").contains(":task-definition/")) {
                throw new ProvisionException("TaskDefinition not found. (Service: AmazonECS; Status Code: 400; Error Code: ClientException)");
            }
            String name = keepOr(cur, "Name", textOr(r, "ServiceName", AwsIds.generatedName(r.stackName(), r.logicalId(), 255)));
            String arn = cur != null ? cur.physicalId()
                    : arn(r, "ecs", "service/" + (cluster == null ? "default" : cluster) + "/" + name);
            return new Provisioned(arn, attrs("Name", name, "ServiceArn", arn));
        });
    }
}
