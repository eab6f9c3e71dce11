package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Follows one stack operation to its end by polling DescribeStackEvents and DescribeStacks at the target's
 * pace (never the SDK's 30-second waiters), turning new events into {@link DeployEvent}s.
 *
 * <p>Keeps the latest status of every resource it saw, for the progress counts and the final summary.
 */
final class StackWatcher {

    private static final String STACK_TYPE = "AWS::CloudFormation::Stack";

    private final CloudFormationClient cfn;
    private final String stackId;
    private final String stackName;
    private final StackEventFeed feed;
    private final Duration pollInterval;
    private final Duration limit;
    private final Map<String, StackEvent> latestByResource = new LinkedHashMap<>();
    private final Map<String, DeployOutcome.ResourceFailure> failures = new LinkedHashMap<>();
    private final long startNanos = System.nanoTime();
    private int expectedTotal;
    private ServiceDeploymentFollower deployments;

    StackWatcher(CloudFormationClient cfn, String stackId, String stackName, StackEventFeed feed,
            Duration pollInterval, Duration limit, int expectedTotal) {
        this.cfn = cfn;
        this.stackId = stackId;
        this.stackName = stackName;
        this.feed = feed;
        this.pollInterval = pollInterval;
        this.limit = limit;
        this.expectedTotal = expectedTotal;
    }

    /** Also reports the ECS service deployments the operation waits on (a deploy's, not a deletion's). */
    StackWatcher following(ServiceDeploymentFollower serviceDeployments) {
        this.deployments = serviceDeployments;
        return this;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /**
     * Polls until the stack reaches a terminal status and {@code callReturned} says the API call that started
     * the operation has come back; emits events as it goes and a final {@link DeployEvent.Finished}.
     */
    DeployOutcome watch(Consumer<DeployEvent> listener, BooleanSupplier callReturned, boolean deleting) {
        while (true) {
            for (StackEvent event : feed.poll()) {
                emit(event, listener);
            }
            followDeployments(listener);
            Optional<Stack> stack = describe();
            String status = stack.map(Stack::stackStatusAsString).orElse(deleting ? "DELETE_COMPLETE" : "UNKNOWN");
            boolean finished = StackStatuses.isTerminal(status) && !status.equals("REVIEW_IN_PROGRESS")
                    && callReturned.getAsBoolean();
            if (finished || (!deleting && stack.isEmpty() && callReturned.getAsBoolean())) {
                for (StackEvent event : feed.poll()) {
                    emit(event, listener);
                }
                followDeployments(listener);
                DeployOutcome outcome = outcome(stack, status, deleting);
                listener.accept(new DeployEvent.Finished(outcome));
                return outcome;
            }
            if (elapsed().compareTo(limit) > 0) {
                throw new DeployException("The stack " + stackName + " is still " + status + " after "
                        + limit.toMinutes() + " minutes; it goes on in the cloud without us. Check it later with"
                        + " the `status` command.");
            }
            sleep(pollInterval);
        }
    }

    private void followDeployments(Consumer<DeployEvent> listener) {
        if (deployments != null) {
            deployments.poll(latestByResource.values(), elapsed(), listener);
        }
    }

    private void emit(StackEvent event, Consumer<DeployEvent> listener) {
        Optional<String> reason = Optional.ofNullable(event.resourceStatusReason()).filter(r -> !r.isBlank());
        String status = event.resourceStatusAsString();
        if (STACK_TYPE.equals(event.resourceType()) && stackName.equals(event.logicalResourceId())) {
            listener.accept(new DeployEvent.StackStatusChanged(stackName, status, reason, elapsed()));
            return;
        }
        String id = event.logicalResourceId();
        StackEvent previous = latestByResource.put(id, event);
        if (previous != null && status != null && status.equals(previous.resourceStatusAsString())) {
            // CloudFormation logs IN_PROGRESS twice ("Resource creation Initiated"); one line per state change.
            return;
        }
        StackStatuses.Phase phase = StackStatuses.phase(status);
        if (phase == StackStatuses.Phase.FAILED) {
            failures.put(id, new DeployOutcome.ResourceFailure(id, event.resourceType(), status,
                    reason.orElse("no reason given")));
        }
        expectedTotal = Math.max(expectedTotal, latestByResource.size());
        listener.accept(new DeployEvent.ResourceStatusChanged(id, event.resourceType(), status, phase, reason,
                elapsed(), finishedCount(), expectedTotal));
    }

    private int finishedCount() {
        int done = 0;
        for (StackEvent e : latestByResource.values()) {
            if (StackStatuses.isTerminal(e.resourceStatusAsString())) {
                done++;
            }
        }
        return done;
    }

    private Optional<Stack> describe() {
        try {
            List<Stack> stacks = cfn.describeStacks(b -> b.stackName(stackId)).stacks();
            return stacks.isEmpty() ? Optional.empty() : Optional.of(stacks.get(0));
        } catch (SdkException e) {
            if (SdkErrors.isMissingStack(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private DeployOutcome outcome(Optional<Stack> stack, String status, boolean deleting) {
        Map<StackStatuses.Phase, Integer> counts = new EnumMap<>(StackStatuses.Phase.class);
        for (StackEvent e : latestByResource.values()) {
            counts.merge(StackStatuses.phase(e.resourceStatusAsString()), 1, Integer::sum);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        stack.filter(s -> !deleting).ifPresent(s -> {
            for (Output o : s.outputs()) {
                outputs.put(o.outputKey(), o.outputValue());
            }
        });
        boolean success = deleting ? status.equals("DELETE_COMPLETE")
                : status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE");
        List<DeployOutcome.ResourceFailure> failed = new ArrayList<>(failures.values());
        if (!success && failed.isEmpty()) {
            stack.map(Stack::stackStatusReason).filter(r -> !r.isBlank()).ifPresent(r ->
                    failed.add(new DeployOutcome.ResourceFailure(stackName, STACK_TYPE, status, r)));
        }
        return new DeployOutcome(stackName, success, status, elapsed(), counts, failed, outputs);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Stopped watching the stack (interrupted); it goes on in the cloud.", e);
        }
    }
}
