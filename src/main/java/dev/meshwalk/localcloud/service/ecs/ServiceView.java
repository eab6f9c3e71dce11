package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service in {@code DescribeServices}' shape. Counts, task definition, load balancers and events come from the
 * running service, so a change made through the API shows at once, and so do its deployments and their
 * configuration; what only the template says (network configuration, Service Connect as written) comes from the
 * stack's resource record, as ECS keeps what CloudFormation sent it.
 */
final class ServiceView {

    private ServiceView() {
    }

    /** @param templateProperties the {@code AWS::ECS::Service} properties, or an empty map when no stack made it */
    static Map<String, Object> of(EcsService service, String clusterArn, Map<String, Object> templateProperties) {
        ServiceSpec spec = service.spec();
        Map<String, Object> template = CfnShapes.toApi(templateProperties, true);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serviceArn", service.arn());
        s.put("serviceName", service.name());
        s.put("clusterArn", clusterArn);
        s.put("loadBalancers", spec.loadBalancers().stream().map(lb -> (Object) Map.of("targetGroupArn",
                lb.targetGroupArn(), "containerName", lb.containerName(), "containerPort", lb.containerPort())).toList());
        s.put("serviceRegistries", template.getOrDefault("serviceRegistries", List.of()));
        s.put("status", "ACTIVE");
        s.put("desiredCount", service.desiredCount());
        s.put("runningCount", service.runningCount());
        s.put("pendingCount", service.pendingCount());
        s.put("launchType", spec.launchType());
        if (spec.launchType().equals("FARGATE")) {
            s.put("platformVersion", "LATEST");
            s.put("platformFamily", "Linux");
        }
        s.put("taskDefinition", service.taskDefinitionArn());
        s.put("deploymentConfiguration", DeploymentViews.configuration(spec.deployment()));
        s.put("deployments", DeploymentViews.serviceDeployments(service, template.get("serviceConnectConfiguration")));
        s.put("roleArn", template.get("role"));
        s.put("events", service.events().stream().limit(100).map(e -> (Object) Map.of("id", e.id(),
                "createdAt", e.createdAt(), "message", e.message())).toList());
        s.put("placementConstraints", template.getOrDefault("placementConstraints", List.of()));
        s.put("placementStrategy", template.getOrDefault("placementStrategies", List.of()));
        s.put("networkConfiguration", template.get("networkConfiguration"));
        s.put("healthCheckGracePeriodSeconds", template.get("healthCheckGracePeriodSeconds"));
        s.put("schedulingStrategy", template.getOrDefault("schedulingStrategy", "REPLICA"));
        s.put("deploymentController", template.getOrDefault("deploymentController", Map.of("type", "ECS")));
        s.put("enableECSManagedTags", template.getOrDefault("enableECSManagedTags", false));
        s.put("propagateTags", template.getOrDefault("propagateTags", "NONE"));
        s.put("enableExecuteCommand", template.getOrDefault("enableExecuteCommand", false));
        return s;
    }
}
