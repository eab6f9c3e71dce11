package dev.meshwalk.localcloud.dataplane.ecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the API's view of a {@link Deployment} ({@link ServiceDeployment}) from the service's live tasks. */
final class ServiceDeployments {

    private ServiceDeployments() {
    }

    /**
     * @param tasksByDefinition task definition ARN -> [running, pending] tasks of the service now
     * @param revisionArns      task definition ARN -> the service revision ARN that runs it
     */
    static ServiceDeployment snapshot(Deployment d, String serviceArn, String clusterArn, int desired,
                                      Map<String, int[]> tasksByDefinition, Map<String, String> revisionArns) {
        List<ServiceDeployment.Revision> sources = new ArrayList<>();
        d.sources.stream().filter(s -> s != d.definition).map(TaskDefinition::arn).distinct().forEach(arn -> {
            int[] counts = tasksByDefinition.getOrDefault(arn, new int[2]);
            sources.add(new ServiceDeployment.Revision(revisionArns.getOrDefault(arn, arn), arn,
                    d.status.isFinal() ? 0 : desired, counts[0], counts[1]));
        });
        int[] target = tasksByDefinition.getOrDefault(d.definition.arn(), new int[2]);
        boolean targetLost = d.status == ServiceDeployment.Status.ROLLBACK_IN_PROGRESS
                || d.status == ServiceDeployment.Status.ROLLBACK_SUCCESSFUL;
        ServiceDeployment.Revision targetRevision = new ServiceDeployment.Revision(d.revisionArn, d.definition.arn(),
                targetLost ? 0 : desired, target[0], target[1]);
        String alarmStatus = !d.config.alarmsEnable() || d.config.alarmNames().isEmpty() ? "DISABLED"
                : !d.triggeredAlarms.isEmpty() ? "TRIGGERED"
                : d.status.isFinal() ? "MONITORING_COMPLETE" : "MONITORING";
        String breakerStatus = !d.config.circuitBreakerEnable() ? "DISABLED"
                : d.failedTasks() >= Deployment.failureThreshold(desired) ? "TRIGGERED"
                : d.status.isFinal() ? "MONITORING_COMPLETE" : "MONITORING";
        return new ServiceDeployment(d.arn, d.id, serviceArn, clusterArn, d.status, d.statusReason, d.stage, d.config,
                sources, targetRevision, d.targetTrafficPercent, d.createdAt, d.createdAt, d.updatedAt, d.finishedAt,
                d.status == ServiceDeployment.Status.STOPPED ? d.finishedAt : null, d.phaseEndsAt, d.rollback,
                new ServiceDeployment.Alarms(alarmStatus, d.config.alarmNames(), d.triggeredAlarms),
                new ServiceDeployment.CircuitBreaker(breakerStatus, d.failedTasks(),
                        Deployment.failureThreshold(desired)));
    }
}
