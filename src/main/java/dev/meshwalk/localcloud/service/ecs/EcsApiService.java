package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.Ecs;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.TaskDefinition;
import dev.meshwalk.localcloud.provider.EcsResources;
import dev.meshwalk.localcloud.service.AwsService;
import dev.meshwalk.localcloud.service.Params;
import dev.meshwalk.localcloud.service.RequestContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Amazon ECS's API (JSON 1.1, target prefix {@code AmazonEC2ContainerServiceV20141113}) over the data plane's live
 * ECS: clusters, services, tasks and task definitions as they run, service deployments (rolling and canary, with
 * their alarm rollbacks), plus the writes a learner experiments with ({@code StopTask}, {@code UpdateService} with
 * {@code desiredCount}, {@code taskDefinition} or {@code forceNewDeployment}, {@code StopServiceDeployment}). A change made here is not known to the stack that made the service,
 * as on AWS: the stack's next update of that service puts its own values back.
 */
public final class EcsApiService implements AwsService {

    private static final Set<String> OPERATIONS = Set.of("ListClusters", "DescribeClusters", "ListServices",
            "DescribeServices", "ListTasks", "DescribeTasks", "StopTask", "UpdateService", "ListTaskDefinitions",
            "DescribeTaskDefinition", "ListServiceDeployments", "DescribeServiceDeployments", "StopServiceDeployment");

    private final EcsLookup lookup;
    private final TaskOperations tasks;
    private final DeploymentOperations deployments;

    /** @param records the stacks' ECS resources, for what only a template says (task definition details) */
    public EcsApiService(Ecs ecs, EcsResources records) {
        this.lookup = new EcsLookup(ecs, records);
        this.tasks = new TaskOperations(lookup);
        this.deployments = new DeploymentOperations(lookup);
    }

    @Override
    public String signingName() {
        return "ecs";
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public Object call(String operation, Params input, RequestContext context) {
        return switch (operation) {
            case "ListClusters" -> listClusters(input);
            case "DescribeClusters" -> describeClusters(input);
            case "ListServices" -> listServices(input);
            case "DescribeServices" -> describeServices(input);
            case "ListTasks" -> tasks.listTasks(input);
            case "DescribeTasks" -> tasks.describeTasks(input);
            case "StopTask" -> tasks.stopTask(input);
            case "UpdateService" -> updateService(input);
            case "ListTaskDefinitions" -> listTaskDefinitions(input);
            case "DescribeTaskDefinition" -> describeTaskDefinition(input);
            case "ListServiceDeployments" -> deployments.list(input);
            case "DescribeServiceDeployments" -> deployments.describe(input);
            case "StopServiceDeployment" -> deployments.stop(input);
            default -> throw new IllegalArgumentException(operation + " is not an ECS operation of this service");
        };
    }

    private Map<String, Object> listClusters(Params input) {
        List<String> arns = lookup.ecs().clusterNames().stream().map(lookup::clusterArn).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        Pages.page(arns, input, 100, 100, "clusterArns", out);
        return out;
    }

    private Map<String, Object> describeClusters(Params input) {
        List<String> names = input.strings("clusters");
        if (names.isEmpty()) {
            names = List.of(EcsLookup.DEFAULT_CLUSTER);
        }
        List<Object> clusters = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String identifier : names) {
            String name = EcsLookup.clusterName(identifier);
            if (!lookup.ecs().clusterNames().contains(name)) {
                failures.add(TaskOperations.failure(lookup.clusterArn(name)));
                continue;
            }
            List<EcsService> services = lookup.services(name);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("clusterArn", lookup.clusterArn(name));
            c.put("clusterName", name);
            c.put("status", "ACTIVE");
            c.put("registeredContainerInstancesCount", 0);
            c.put("runningTasksCount", services.stream().mapToLong(EcsService::runningCount).sum());
            c.put("pendingTasksCount", services.stream().mapToLong(EcsService::pendingCount).sum());
            c.put("activeServicesCount", services.size());
            c.put("statistics", List.of());
            c.put("tags", List.of());
            c.put("settings", List.of(Map.of("name", "containerInsights", "value", "disabled")));
            c.put("capacityProviders", List.of());
            c.put("defaultCapacityProviderStrategy", List.of());
            clusters.add(c);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clusters", clusters);
        out.put("failures", failures);
        return out;
    }

    private Map<String, Object> listServices(Params input) {
        String cluster = lookup.cluster(input);
        String launchType = input.string("launchType").orElse(null);
        List<String> arns = lookup.services(cluster).stream()
                .filter(s -> launchType == null || launchType.equals(s.spec().launchType()))
                .map(EcsService::arn).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        Pages.page(arns, input, 10, 100, "serviceArns", out);
        return out;
    }

    private Map<String, Object> describeServices(Params input) {
        String cluster = lookup.cluster(input);
        List<String> names = input.strings("services");
        if (names.isEmpty()) {
            throw EcsErrors.missing("services");
        }
        if (names.size() > 10) {
            throw EcsErrors.invalidParameter("services can have at most 10 items.");
        }
        List<Object> services = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String name : names) {
            lookup.service(cluster, name).ifPresentOrElse(s -> services.add(view(s)),
                    () -> failures.add(TaskOperations.failure(name.startsWith("arn:") ? name
                            : lookup.clusterArn(cluster).replace(":cluster/", ":service/") + "/" + name)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("services", services);
        out.put("failures", failures);
        return out;
    }

    private Map<String, Object> updateService(Params input) {
        String cluster = lookup.cluster(input);
        String identifier = input.string("service").filter(s -> !s.isBlank()).orElseThrow(() -> EcsErrors.missing("service"));
        EcsService service = lookup.requireService(cluster, identifier);
        Integer desired = input.integer("desiredCount").orElse(null);
        if (desired != null && desired < 0) {
            throw EcsErrors.invalidParameter("desiredCount must be 0 or more.");
        }
        String definitionArn = null;
        if (input.has("taskDefinition")) {
            definitionArn = lookup.taskDefinition(input.string("taskDefinition").orElseThrow())
                    .map(TaskDefinition::arn)
                    .orElseThrow(() -> EcsErrors.client("TaskDefinition not found."));
        }
        boolean force = input.bool("forceNewDeployment").orElse(false);
        if (force && definitionArn == null) {
            lookup.ecs().forceNewDeployment(cluster, service.name(), desired);
        } else {
            lookup.ecs().updateService(cluster, service.name(), desired, definitionArn);
        }
        return Map.of("service", view(service));
    }

    private Map<String, Object> listTaskDefinitions(Params input) {
        String prefix = input.string("familyPrefix").orElse(null);
        String status = input.string("status").orElse("ACTIVE");
        String sort = input.string("sort").orElse("ASC");
        if (!status.equals("ACTIVE") && !status.equals("INACTIVE") && !status.equals("DELETE_IN_PROGRESS")) {
            throw EcsErrors.invalidParameter("status must be ACTIVE, INACTIVE or DELETE_IN_PROGRESS.");
        }
        if (!sort.equals("ASC") && !sort.equals("DESC")) {
            throw EcsErrors.invalidParameter("sort must be ASC or DESC.");
        }
        Comparator<TaskDefinition> order = Comparator.comparing(TaskDefinition::family)
                .thenComparingInt(TaskDefinition::revision);
        List<String> arns = !status.equals("ACTIVE") ? List.of() // deregistered revisions are not kept locally
                : lookup.ecs().taskDefinitions().stream()
                .filter(d -> prefix == null || d.family().startsWith(prefix))
                .sorted(sort.equals("ASC") ? order : order.reversed())
                .map(TaskDefinition::arn).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        Pages.page(arns, input, 100, 100, "taskDefinitionArns", out);
        return out;
    }

    private Map<String, Object> describeTaskDefinition(Params input) {
        String identifier = input.string("taskDefinition").filter(s -> !s.isBlank())
                .orElseThrow(() -> EcsErrors.missing("taskDefinition"));
        TaskDefinition definition = lookup.taskDefinition(identifier)
                .orElseThrow(() -> EcsErrors.client("Unable to describe task definition."));
        Map<String, Object> template = lookup.templateProperties(definition.arn());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("taskDefinition", TaskDefinitionView.of(definition, template.isEmpty() ? null : template));
        out.put("tags", List.of());
        return out;
    }

    private Map<String, Object> view(EcsService service) {
        return ServiceView.of(service, lookup.clusterArn(service.cluster()), lookup.serviceTemplate(service));
    }
}
