package dev.meshwalk.localcloud.dataplane.ecs;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A service's recent deployments, oldest first: it starts each one with the ids ECS gives it (the
 * {@code ecs-svc/<digits>} id, the service-deployment and service-revision ARNs) and keeps the last
 * {@value #MAX_DEPLOYMENTS} for {@code ListServiceDeployments} and {@code DescribeServiceDeployments}.
 */
final class DeploymentHistory {

    private static final int MAX_DEPLOYMENTS = 10;

    private final String cluster;
    private final String service;
    private final AwsIds ids;
    private final List<Deployment> deployments = new CopyOnWriteArrayList<>();

    DeploymentHistory(String cluster, String service, AwsIds ids) {
        this.cluster = cluster;
        this.service = service;
        this.ids = ids;
    }

    /** Starts (and records) a deployment of {@code definition}. */
    Deployment start(TaskDefinition definition, DeploymentConfigSpec config, List<TaskDefinition> sources,
                     boolean internal) {
        String digits = AwsIds.digits(19);
        Deployment d = new Deployment("ecs-svc/" + digits, ids.arn("ecs", "service-deployment/" + cluster + "/"
                + service + "/" + AwsIds.alphanumeric(21)),
                ids.arn("ecs", "service-revision/" + cluster + "/" + service + "/" + digits),
                definition, config, sources, internal);
        deployments.add(d);
        while (deployments.size() > MAX_DEPLOYMENTS) {
            deployments.remove(0);
        }
        return d;
    }

    /**
     * Starts a service's first deployment. {@code earlier} are the deployments a previous local cloud ran for it
     * (oldest first, empty for a new service): they come back into the history, and the deployment that starts the
     * service's tasks again is an internal one (as ECS's own rollbacks are), so the deployments listed and the
     * PRIMARY one are those of before the restart.
     */
    Deployment first(TaskDefinition definition, DeploymentConfigSpec config, List<Deployment> earlier) {
        deployments.addAll(earlier);
        return start(definition, config, List.of(), !earlier.isEmpty());
    }

    /** Every deployment as a restart keeps it, oldest first. */
    List<SavedDeployment> saved() {
        return deployments.stream().map(Deployment::saved).toList();
    }

    /** Oldest first. */
    List<Deployment> all() {
        return deployments;
    }

    /**
     * The deployments a user asked for (not the internal rollback ones), newest first, as
     * {@code ListServiceDeployments} lists them.
     *
     * @param counts task definition ARN -> {running, pending} task counts
     */
    List<ServiceDeployment> snapshots(String serviceArn, int desiredCount, Map<String, int[]> counts) {
        Map<String, String> revisions = new HashMap<>();
        deployments.forEach(d -> revisions.put(d.definition.arn(), d.revisionArn));
        List<ServiceDeployment> out = new ArrayList<>();
        for (Deployment d : deployments) {
            if (!d.internal) {
                out.add(0, ServiceDeployments.snapshot(d, serviceArn, ids.arn("ecs", "cluster/" + cluster),
                        desiredCount, counts, revisions));
            }
        }
        return out;
    }

    /** Task definition ARN -> {running, pending} counts of the given tasks, by the deployment each belongs to. */
    static Map<String, int[]> taskCounts(List<Task> tasks, Function<Task, Deployment> deploymentOf) {
        Map<String, int[]> counts = new HashMap<>();
        for (Task t : tasks) {
            int[] c = counts.computeIfAbsent(deploymentOf.apply(t).definition.arn(), k -> new int[2]);
            if (t.status() == Task.Status.RUNNING) {
                c[0]++;
            } else if (t.status().ordinal() < Task.Status.RUNNING.ordinal()) {
                c[1]++;
            }
        }
        return counts;
    }
}
