package dev.meshwalk.localcloud.service.ecs;

import dev.meshwalk.localcloud.dataplane.ecs.DeploymentConfigSpec;
import dev.meshwalk.localcloud.dataplane.ecs.EcsService;
import dev.meshwalk.localcloud.dataplane.ecs.ServiceDeployment;
import dev.meshwalk.localcloud.dataplane.ecs.TaskInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data plane's deployment objects in the API's shapes: {@code ServiceDeploymentBrief} and
 * {@code ServiceDeployment} (ListServiceDeployments / DescribeServiceDeployments), the older per-service
 * {@code deployments} of DescribeServices (one PRIMARY for the revision the service runs towards, one ACTIVE per
 * other revision that still has tasks), and {@code deploymentConfiguration}. A revision's
 * {@code requestedProductionTrafficWeight} is its share of Service Connect traffic, which shows a canary's phases.
 */
final class DeploymentViews {

    private DeploymentViews() {
    }

    static Map<String, Object> brief(ServiceDeployment d) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("serviceDeploymentArn", d.arn());
        b.put("serviceArn", d.serviceArn());
        b.put("clusterArn", d.clusterArn());
        b.put("startedAt", d.startedAt());
        b.put("createdAt", d.createdAt());
        b.put("finishedAt", d.finishedAt());
        b.put("targetServiceRevisionArn", d.targetRevision().serviceRevisionArn());
        b.put("status", d.status().name());
        b.put("statusReason", d.statusReason());
        return b;
    }

    static Map<String, Object> full(ServiceDeployment d) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("serviceDeploymentArn", d.arn());
        t.put("serviceArn", d.serviceArn());
        t.put("clusterArn", d.clusterArn());
        t.put("createdAt", d.createdAt());
        t.put("startedAt", d.startedAt());
        t.put("finishedAt", d.finishedAt());
        t.put("stoppedAt", d.stoppedAt());
        t.put("updatedAt", d.updatedAt());
        double target = d.targetTrafficPercent();
        t.put("sourceServiceRevisions", d.sourceRevisions().stream()
                .map(r -> (Object) revision(r, d.sourceRevisions().size() == 1 ? 100 - target : null)).toList());
        t.put("targetServiceRevision", revision(d.targetRevision(), target));
        t.put("status", d.status().name());
        t.put("statusReason", d.statusReason());
        t.put("lifecycleStage", d.lifecycleStage());
        t.put("deploymentConfiguration", configuration(d.configuration()));
        if (d.rollback() != null) {
            Map<String, Object> rollback = new LinkedHashMap<>();
            rollback.put("reason", d.rollback().reason());
            rollback.put("startedAt", d.rollback().startedAt());
            rollback.put("serviceRevisionArn", d.rollback().serviceRevisionArn());
            t.put("rollback", rollback);
        }
        t.put("deploymentCircuitBreaker", Map.of("status", d.circuitBreaker().status(),
                "failureCount", d.circuitBreaker().failureCount(), "threshold", d.circuitBreaker().threshold()));
        t.put("alarms", Map.of("status", d.alarms().status(), "alarmNames", d.alarms().alarmNames(),
                "triggeredAlarmNames", d.alarms().triggeredAlarmNames()));
        return t;
    }

    private static Map<String, Object> revision(ServiceDeployment.Revision r, Double trafficPercent) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arn", r.serviceRevisionArn());
        m.put("requestedTaskCount", r.requestedTaskCount());
        m.put("runningTaskCount", r.runningTaskCount());
        m.put("pendingTaskCount", r.pendingTaskCount());
        if (trafficPercent != null) {
            m.put("requestedProductionTrafficWeight", trafficPercent);
        }
        return m;
    }

    /** {@code DeploymentConfiguration} as the service runs it. */
    static Map<String, Object> configuration(DeploymentConfigSpec c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deploymentCircuitBreaker", Map.of("enable", c.circuitBreakerEnable(), "rollback", c.circuitBreakerRollback()));
        m.put("maximumPercent", c.maximumPercent());
        m.put("minimumHealthyPercent", c.minimumHealthyPercent());
        if (!c.alarmNames().isEmpty() || c.alarmsEnable()) {
            m.put("alarms", Map.of("alarmNames", c.alarmNames(), "enable", c.alarmsEnable(), "rollback", c.alarmsRollback()));
        }
        m.put("strategy", c.strategy().name());
        m.put("bakeTimeInMinutes", c.bakeTimeInMinutes());
        if (c.strategy() == DeploymentConfigSpec.Strategy.CANARY) {
            m.put("canaryConfiguration", Map.of("canaryPercent", c.canaryPercent(),
                    "canaryBakeTimeInMinutes", c.canaryBakeTimeInMinutes()));
        }
        return m;
    }

    /**
     * DescribeServices' {@code deployments}: PRIMARY for the revision the service runs towards, ACTIVE for every
     * other revision that still has tasks, each with the deployment that targeted it.
     *
     * @param serviceConnect the service's {@code serviceConnectConfiguration} (API shape), or null
     */
    static List<Object> serviceDeployments(EcsService service, Object serviceConnect) {
        List<ServiceDeployment> history = service.serviceDeployments();
        List<TaskInfo> tasks = service.tasks();
        List<String> revisions = new ArrayList<>();
        revisions.add(service.taskDefinitionArn());
        tasks.stream().filter(t -> t.desiredStatus().equals("RUNNING")).map(TaskInfo::taskDefinitionArn).distinct()
                .filter(arn -> !revisions.contains(arn)).forEach(revisions::add);
        List<Object> out = new ArrayList<>();
        for (String definition : revisions) {
            boolean primary = definition.equals(service.taskDefinitionArn());
            ServiceDeployment d = history.stream()
                    .filter(h -> h.targetRevision().taskDefinitionArn().equals(definition)).findFirst()
                    .orElse(history.isEmpty() ? null : history.get(0));
            long running = tasks.stream().filter(t -> t.taskDefinitionArn().equals(definition)
                    && t.lastStatus().equals("RUNNING")).count();
            long pending = tasks.stream().filter(t -> t.taskDefinitionArn().equals(definition)
                    && (t.lastStatus().equals("PENDING") || t.lastStatus().equals("PROVISIONING"))).count();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d == null ? null : d.deploymentId());
            m.put("status", primary ? "PRIMARY" : "ACTIVE");
            m.put("taskDefinition", definition);
            m.put("desiredCount", primary ? service.desiredCount() : running + pending);
            m.put("pendingCount", pending);
            m.put("runningCount", running);
            m.put("failedTasks", d == null ? 0 : d.circuitBreaker().failureCount());
            m.put("createdAt", d == null ? null : d.createdAt());
            m.put("updatedAt", d == null ? null : d.updatedAt());
            m.put("launchType", service.spec().launchType());
            m.put("rolloutState", d == null ? null : rolloutState(d, primary));
            m.put("rolloutStateReason", d == null ? null : d.statusReason());
            m.put("serviceConnectConfiguration", serviceConnect);
            out.add(m);
        }
        return out;
    }

    /** The older rollout states: a rolled-back deployment FAILED, the revision it returned to COMPLETED once back. */
    private static String rolloutState(ServiceDeployment d, boolean primary) {
        return switch (d.status()) {
            case SUCCESSFUL -> "COMPLETED";
            case ROLLBACK_SUCCESSFUL -> primary ? "COMPLETED" : "FAILED";
            case ROLLBACK_FAILED, STOPPED -> "FAILED";
            case ROLLBACK_IN_PROGRESS, ROLLBACK_REQUESTED -> primary ? "IN_PROGRESS" : "FAILED";
            default -> "IN_PROGRESS";
        };
    }
}
