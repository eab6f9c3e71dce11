package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A task in {@code DescribeTasks}' shape: its status, health, why it stopped ({@code stopCode}, {@code stoppedReason};
 * each container's {@code exitCode} and {@code reason}), containers with their network interface, the task's
 * network attachment with its private IPv4 address (each local task has its own loopback address), and where each
 * container port is reachable ({@code networkBindings}: locally a port may differ from the template's when it was
 * taken).
 */
final class TaskView {

    private TaskView() {
    }

    static Map<String, Object> of(TaskInfo task, String clusterArn, Map<String, Object> definitionProperties) {
        String region = clusterArn.split(":")[3];
        String attachmentId = UUID.nameUUIDFromBytes(task.taskArn().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
        boolean stopped = task.lastStatus().equals("STOPPED");
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskArn", task.taskArn());
        t.put("clusterArn", clusterArn);
        t.put("taskDefinitionArn", task.taskDefinitionArn());
        t.put("group", "service:" + task.serviceName());
        t.put("startedBy", task.startedBy());
        t.put("lastStatus", task.lastStatus());
        t.put("desiredStatus", task.desiredStatus());
        t.put("healthStatus", task.health());
        t.put("launchType", task.launchType());
        t.put("availabilityZone", region + "a");
        t.put("connectivity", task.address() == null ? null : "CONNECTED");
        t.put("cpu", text(definitionProperties.get("Cpu")));
        t.put("memory", text(definitionProperties.get("Memory")));
        t.put("createdAt", task.createdAt());
        t.put("startedAt", task.startedAt());
        t.put("stoppingAt", task.stoppingAt());
        t.put("stoppedAt", task.stoppedAt());
        t.put("stopCode", task.stopCode());
        t.put("stoppedReason", task.stoppedReason());
        t.put("version", stopped ? 3 : task.startedAt() != null ? 2 : 1);
        List<Object> containers = new ArrayList<>();
        for (TaskInfo.ContainerInfo c : task.containers()) {
            Map<String, Object> container = new LinkedHashMap<>();
            container.put("taskArn", task.taskArn());
            container.put("name", c.name());
            container.put("image", c.image());
            container.put("lastStatus", c.lastStatus());
            if (c.exitCode() != null) {
                container.put("exitCode", c.exitCode());
            }
            if (c.reason() != null) {
                container.put("reason", c.reason());
            }
            container.put("healthStatus", c.health());
            container.put("networkBindings", bindings(task, c.name()));
            if (task.address() != null) {
                container.put("networkInterfaces", List.of(Map.of("attachmentId", attachmentId,
                        "privateIpv4Address", task.address())));
            }
            containers.add(container);
        }
        t.put("containers", containers);
        if (task.address() != null) {
            List<Object> details = List.of(
                    Map.of("name", "networkInterfaceId", "value", "eni-" + attachmentId.replace("-", "").substring(0, 17)),
                    Map.of("name", "privateIPv4Address", "value", task.address()));
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("id", attachmentId);
            attachment.put("type", "ElasticNetworkInterface");
            attachment.put("status", stopped ? "DELETED" : "ATTACHED");
            attachment.put("details", details);
            t.put("attachments", List.of(attachment));
        } else {
            t.put("attachments", List.of());
        }
        return t;
    }

    /** Where the container's ports are reachable: {@code hostPorts} holds "container:port" -> real port. */
    private static List<Object> bindings(TaskInfo task, String container) {
        List<Object> out = new ArrayList<>();
        if (task.address() == null || task.lastStatus().equals("STOPPED")) {
            return out;
        }
        task.hostPorts().forEach((key, hostPort) -> {
            int colon = key.lastIndexOf(':');
            if (key.substring(0, colon).equals(container)) {
                Map<String, Object> b = new LinkedHashMap<>();
                b.put("bindIP", task.address());
                b.put("containerPort", Integer.parseInt(key.substring(colon + 1)));
                b.put("hostPort", hostPort);
                b.put("protocol", "tcp");
                out.add(b);
            }
        });
        return out;
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Number n ? String.valueOf(n.longValue()) : value.toString();
    }
}
