package dev.meshwalk.localcloud.dataplane.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * The JSON documents of the task metadata endpoint v4 for one local task, in the shape ECS gives them (field names
 * and casing as ECS's: {@code TaskARN}, {@code ContainerARN}, {@code DockerId}, ...), with the ARNs and ids the local
 * ECS really assigned. Fields that only make sense for a real container runtime (image digests, resource limits,
 * Docker statistics) are left out rather than invented.
 */
final class TaskMetadataDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What ECS knows about one container of the task once it was started.
     *
     * @param dockerId the container's runtime id ({@code <task id>-<digits>} as on Fargate)
     * @param arn      {@code arn:aws:ecs:<region>:<account>:container/<cluster>/<task id>/<uuid>}
     */
    record ContainerIdentity(String name, String image, String dockerId, String arn, Instant startedAt) {
    }

    /** The task as its metadata shows it; read live on every request. */
    interface TaskView {
        String taskArn();

        String clusterArn();

        String family();

        int revision();

        String launchType();

        String availabilityZone();

        /** ECS's last status of the task ({@code PENDING}, {@code RUNNING}, {@code STOPPED}, ...). */
        String knownStatus();

        String desiredStatus();

        /** The task's address (its ENI's IPv4 address), or null before it has one. */
        String address();

        /** Every container of the task definition, in definition order. */
        List<String> containerNames();

        /** The started container of that name, or null when it has not started yet. */
        ContainerIdentity started(String containerName);
    }

    private final TaskView task;

    TaskMetadataDocuments(TaskView task) {
        this.task = task;
    }

    /** {@code GET ${ECS_CONTAINER_METADATA_URI_V4}}: the container's own metadata. */
    JsonNode container(String containerName) {
        return containerNode(containerName);
    }

    /** {@code GET ${ECS_CONTAINER_METADATA_URI_V4}/task}: the task and all its containers. */
    JsonNode task() {
        ObjectNode out = JSON.createObjectNode();
        out.put("Cluster", task.clusterArn());
        out.put("TaskARN", task.taskArn());
        out.put("Family", task.family());
        out.put("Revision", Integer.toString(task.revision()));
        out.put("DesiredStatus", task.desiredStatus());
        out.put("KnownStatus", task.knownStatus());
        out.put("AvailabilityZone", task.availabilityZone());
        out.put("LaunchType", task.launchType());
        ArrayNode containers = out.putArray("Containers");
        for (String name : task.containerNames()) {
            containers.add(containerNode(name));
        }
        return out;
    }

    private ObjectNode containerNode(String name) {
        ContainerIdentity started = task.started(name);
        ObjectNode out = JSON.createObjectNode();
        if (started != null) {
            out.put("DockerId", started.dockerId());
        }
        out.put("Name", name);
        out.put("DockerName", name);
        if (started != null) {
            out.put("Image", started.image());
        }
        ObjectNode labels = out.putObject("Labels");
        labels.put("com.amazonaws.ecs.cluster", task.clusterArn());
        labels.put("com.amazonaws.ecs.container-name", name);
        labels.put("com.amazonaws.ecs.task-arn", task.taskArn());
        labels.put("com.amazonaws.ecs.task-definition-family", task.family());
        labels.put("com.amazonaws.ecs.task-definition-version", Integer.toString(task.revision()));
        out.put("DesiredStatus", task.desiredStatus());
        out.put("KnownStatus", started == null ? "PENDING" : "STOPPED".equals(task.knownStatus()) ? "STOPPED" : "RUNNING");
        if (started != null) {
            out.put("StartedAt", started.startedAt().toString());
        }
        out.put("Type", "NORMAL");
        if (started != null) {
            out.put("ContainerARN", started.arn());
        }
        if (task.address() != null) {
            ObjectNode network = out.putArray("Networks").addObject();
            network.put("NetworkMode", "awsvpc");
            network.putArray("IPv4Addresses").add(task.address());
        }
        return out;
    }
}
