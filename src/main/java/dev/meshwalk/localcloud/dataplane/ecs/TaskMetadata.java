package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A task as its containers see it through the task metadata endpoint v4: gives each container the identity ECS
 * gives it when it starts (runtime id, container ARN) and serves the documents, read live from the task, under
 * that container's {@value Task#METADATA_VARIABLE}.
 */
final class TaskMetadata {

    private final Task task;
    private final TaskEnvironment env;
    private final Map<String, TaskMetadataDocuments.ContainerIdentity> identities = new ConcurrentHashMap<>();
    private final List<String> registered = new CopyOnWriteArrayList<>();
    private final TaskMetadataDocuments documents = new TaskMetadataDocuments(new View());

    TaskMetadata(Task task, TaskEnvironment env) {
        this.task = task;
        this.env = env;
    }

    /** Serves the container's metadata; returns the {@value Task#METADATA_VARIABLE} value to give it. */
    String register(ContainerSpec spec) {
        String dockerId = task.id + "-" + AwsIds.digits(10);
        identities.put(spec.name(), new TaskMetadataDocuments.ContainerIdentity(spec.name(), spec.image(), dockerId,
                env.ids().arn("ecs", "container/" + task.cluster + "/" + task.id + "/" + AwsIds.uuid()),
                Instant.now()));
        registered.add(dockerId);
        return env.metadata().register(dockerId, new TaskMetadataEndpoint.Documents(
                () -> documents.container(spec.name()), documents::task));
    }

    /** Stops serving every container's metadata (the task stopped). */
    void unregisterAll() {
        registered.forEach(env.metadata()::unregister);
        registered.clear();
    }

    /** The task as its metadata endpoint shows it. */
    private final class View implements TaskMetadataDocuments.TaskView {
        @Override
        public String taskArn() {
            return task.arn;
        }

        @Override
        public String clusterArn() {
            return env.ids().arn("ecs", "cluster/" + task.cluster);
        }

        @Override
        public String family() {
            return task.definition.family();
        }

        @Override
        public int revision() {
            return task.definition.revision();
        }

        @Override
        public String launchType() {
            return task.launchType;
        }

        /** Locally every task runs in the region's first zone; the template's subnets are not modelled. */
        @Override
        public String availabilityZone() {
            return env.ids().region() + "a";
        }

        @Override
        public String knownStatus() {
            return task.status().name();
        }

        @Override
        public String desiredStatus() {
            return task.stopRequested() ? "STOPPED" : "RUNNING";
        }

        @Override
        public String address() {
            return task.address().map(InetAddress::getHostAddress).orElse(null);
        }

        @Override
        public List<String> containerNames() {
            return task.definition.spec().containers().stream().map(ContainerSpec::name).toList();
        }

        @Override
        public TaskMetadataDocuments.ContainerIdentity started(String containerName) {
            return identities.get(containerName);
        }
    }
}
