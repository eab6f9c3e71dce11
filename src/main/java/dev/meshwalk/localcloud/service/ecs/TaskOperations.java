package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import dev.meshwalk.localcloud.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ListTasks}, {@code DescribeTasks} and {@code StopTask}. Stopping follows ECS's order, which the data
 * plane's service implements: the task leaves its target groups (draining) and Cloud Map first, then its
 * containers stop; the service starts a replacement.
 */
final class TaskOperations {

    private static final Set<String> DESIRED = Set.of("RUNNING", "PENDING", "STOPPED");

    private final EcsLookup lookup;

    TaskOperations(EcsLookup lookup) {
        this.lookup = lookup;
    }

    Map<String, Object> listTasks(Params input) {
        String cluster = lookup.cluster(input);
        String serviceName = input.string("serviceName").orElse(null);
        if (serviceName != null) {
            serviceName = lookup.requireService(cluster, serviceName).name();
        }
        String desired = input.string("desiredStatus").orElse("RUNNING");
        if (!DESIRED.contains(desired)) {
            throw EcsErrors.invalidParameter("desiredStatus must be RUNNING, PENDING or STOPPED.");
        }
        String family = input.string("family").orElse(null);
        String startedBy = input.string("startedBy").orElse(null);
        String launchType = input.string("launchType").orElse(null);
        Map<String, TaskInfo> latest = new LinkedHashMap<>();
        for (TaskInfo t : lookup.tasks(cluster)) {
            latest.put(t.taskArn(), t);
        }
        List<String> arns = new ArrayList<>();
        for (TaskInfo t : latest.values()) {
            boolean wanted = desired.equals("STOPPED") ? t.desiredStatus().equals("STOPPED")
                    : t.desiredStatus().equals("RUNNING")
                    && (desired.equals("RUNNING") || t.lastStatus().equals("PENDING") || t.lastStatus().equals("PROVISIONING"));
            if (wanted && (serviceName == null || serviceName.equals(t.serviceName()))
                    && (family == null || familyOf(t.taskDefinitionArn()).equals(family))
                    && (startedBy == null || startedBy.equals(t.startedBy()))
                    && (launchType == null || launchType.equals(t.launchType()))) {
                arns.add(t.taskArn());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Pages.page(arns, input, 100, 100, "taskArns", out);
        return out;
    }

    Map<String, Object> describeTasks(Params input) {
        String cluster = lookup.cluster(input);
        List<String> ids = input.strings("tasks");
        if (ids.isEmpty()) {
            throw EcsErrors.invalidParameter("Tasks cannot be empty.");
        }
        if (ids.size() > 100) {
            throw EcsErrors.invalidParameter("Tasks cannot have more than 100 elements.");
        }
        List<Object> tasks = new ArrayList<>();
        List<Object> failures = new ArrayList<>();
        for (String id : ids) {
            lookup.task(cluster, id).ifPresentOrElse(t -> tasks.add(view(t, cluster)),
                    () -> failures.add(failure(id.contains(":task/") ? id
                            : lookup.clusterArn(cluster).replace(":cluster/", ":task/") + "/" + id)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tasks", tasks);
        out.put("failures", failures);
        return out;
    }

    Map<String, Object> stopTask(Params input) {
        String cluster = lookup.cluster(input);
        String id = input.string("task").filter(s -> !s.isBlank()).orElseThrow(() -> EcsErrors.missing("task"));
        TaskInfo task = lookup.task(cluster, id)
                .orElseThrow(() -> EcsErrors.invalidParameter("The referenced task was not found."));
        if (task.desiredStatus().equals("RUNNING")) {
            lookup.ecs().stopTask(task.taskArn(), input.string("reason").filter(s -> !s.isBlank())
                    .orElse("Task stopped by user"));
            task = lookup.task(cluster, task.taskArn()).orElse(task);
        }
        return Map.of("task", view(task, cluster));
    }

    private Map<String, Object> view(TaskInfo task, String cluster) {
        return TaskView.of(task, lookup.clusterArn(cluster), lookup.templateProperties(task.taskDefinitionArn()));
    }

    static Map<String, Object> failure(String arn) {
        return Map.of("arn", arn, "reason", "MISSING");
    }

    private static String familyOf(String taskDefinitionArn) {
        String ref = taskDefinitionArn.substring(taskDefinitionArn.lastIndexOf('/') + 1);
        return ref.substring(0, ref.lastIndexOf(':'));
    }
}
