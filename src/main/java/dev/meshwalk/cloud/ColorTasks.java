package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Break it, through ECS's own API as a learner would do it with {@code aws ecs stop-task}: stops one task of the
 * tutorial stack's {@code color} service (the stack's {@code ColorService} resource) and reports whether ECS runs
 * the desired count again without it. Works the same on AWS and on the local cloud.
 */
public final class ColorTasks {

    /** The stack's logical id of the color service every chapter has. */
    static final String COLOR_SERVICE = "ColorService";

    /** How long the effects watch ECS for the replacement before they say it did not come. */
    public static final Duration REPLACEMENT_LIMIT = Duration.ofSeconds(60);

    /** A stop ECS accepted: the service's cluster and name, the stopped task's ARN and the desired count. */
    public record Stopped(String cluster, String service, String taskArn, int desired) {

        /** The task's id: the last part of its ARN. */
        public String taskId() {
            return taskArn.substring(taskArn.lastIndexOf('/') + 1);
        }
    }

    /** The service's counts now: running tasks (without the stopped one) and whether it is back. */
    public record Progress(int running, int desired, boolean back) {
    }

    private final EcsClient ecs;
    private final Stacks stacks;

    public ColorTasks(CloudSession session) {
        this.ecs = session.ecs();
        this.stacks = new Stacks(session);
    }

    /**
     * Stops the first running task of the stack's color service with {@code reason}.
     *
     * @throws DeployException with a sentence for the learner when the stack has no color service or no task runs
     */
    public Stopped stopOne(String stackName, String reason) {
        String serviceArn = stacks.physicalIds(stackName, "AWS::ECS::Service").get(COLOR_SERVICE);
        if (serviceArn == null) {
            throw new DeployException("The stack " + stackName + " has no color service yet: deploy a chapter first.");
        }
        String[] parts = serviceArn.substring(serviceArn.indexOf(":service/") + ":service/".length()).split("/");
        String cluster = parts.length == 2 ? parts[0] : null;
        String service = parts[parts.length - 1];
        try {
            List<String> tasks = ecs.listTasks(b -> b.cluster(cluster).serviceName(service)).taskArns();
            if (tasks.isEmpty()) {
                throw new DeployException("The color service " + service + " runs no task right now; wait until it"
                        + " does, then break it again.");
            }
            int desired = describe(cluster, service).desiredCount();
            String task = tasks.get(0);
            ecs.stopTask(b -> b.cluster(cluster).task(task).reason(reason));
            return new Stopped(cluster, service, task, desired);
        } catch (SdkException e) {
            throw new DeployException("ECS did not stop a color task: " + SdkErrors.summary(e), e);
        }
    }

    /** Where ECS is with the replacement: back once it runs the desired count and lists the stopped task no more. */
    public Progress progress(Stopped stopped) {
        try {
            List<String> live = ecs.listTasks(b -> b.cluster(stopped.cluster()).serviceName(stopped.service()))
                    .taskArns();
            Service service = describe(stopped.cluster(), stopped.service());
            boolean back = !live.contains(stopped.taskArn()) && live.size() == service.desiredCount()
                    && service.runningCount() == service.desiredCount();
            return new Progress(service.runningCount(), service.desiredCount(), back);
        } catch (SdkException e) {
            throw new DeployException("Could not read the color service from ECS: " + SdkErrors.summary(e), e);
        }
    }

    private Service describe(String cluster, String service) {
        return Optional.of(ecs.describeServices(b -> b.cluster(cluster).services(service)).services())
                .filter(l -> !l.isEmpty()).map(l -> l.get(0))
                .orElseThrow(() -> new DeployException("ECS does not know the color service " + service + "."));
    }
}
