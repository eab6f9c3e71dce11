package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.ContainerSpec;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task definition revision in {@code DescribeTaskDefinition}'s shape. A revision a stack registered is shown with
 * everything its template said (what ECS received from CloudFormation); one without a template record, from what
 * the data plane runs (names, images, ports, environment, health checks, dependencies).
 */
final class TaskDefinitionView {

    private TaskDefinitionView() {
    }

    /** @param templateProperties the {@code AWS::ECS::TaskDefinition} properties, or null when there are none */
    static Map<String, Object> of(TaskDefinition definition, Map<String, Object> templateProperties) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("taskDefinitionArn", definition.arn());
        t.put("family", definition.family());
        t.put("revision", definition.revision());
        t.put("status", "ACTIVE");
        if (templateProperties != null) {
            Map<String, Object> api = CfnShapes.toApi(templateProperties, true);
            api.remove("tags");
            api.remove("family");
            t.putAll(api);
        } else {
            t.put("containerDefinitions", containers(definition));
        }
        t.putIfAbsent("networkMode", "bridge");
        List<Object> compatibilities = new ArrayList<>(List.of("EC2"));
        if ("awsvpc".equals(t.get("networkMode"))) {
            compatibilities.add("FARGATE");
        }
        t.put("compatibilities", compatibilities);
        return t;
    }

    private static List<Object> containers(TaskDefinition definition) {
        List<Object> out = new ArrayList<>();
        for (ContainerSpec c : definition.spec().containers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("image", c.image());
            m.put("essential", c.essential());
            m.put("portMappings", c.containerPorts().stream()
                    .map(p -> (Object) Map.of("containerPort", p, "protocol", "tcp")).toList());
            m.put("environment", c.environment().entrySet().stream()
                    .map(e -> (Object) Map.of("name", e.getKey(), "value", e.getValue())).toList());
            m.put("dependsOn", c.dependsOn().stream().map(d -> (Object) Map.of("containerName", d.containerName(),
                    "condition", d.condition().name())).toList());
            if (c.healthCheck() != null) {
                ContainerSpec.HealthCheck h = c.healthCheck();
                m.put("healthCheck", Map.of("command", h.command(), "interval", h.intervalSeconds(),
                        "timeout", h.timeoutSeconds(), "retries", h.retries(), "startPeriod", h.startPeriodSeconds()));
            }
            out.add(m);
        }
        return out;
    }
}
