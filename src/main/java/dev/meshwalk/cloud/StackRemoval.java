package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

/**
 * Deletes one stack with progress, and retries once when CloudFormation reports {@code DELETE_FAILED}
 * (dependencies that were still draining usually let go on the second try), showing the reason.
 */
final class StackRemoval {

    private final CloudSession session;
    private final CloudFormationClient cfn;
    private final String stackName;

    StackRemoval(CloudSession session, String stackName) {
        this.session = session;
        this.cfn = session.cloudFormation();
        this.stackName = stackName;
    }

    DeployOutcome delete(Consumer<DeployEvent> listener) {
        Optional<StackInfo> stack = new Stacks(session).find(stackName);
        if (stack.isEmpty()) {
            DeployOutcome gone = new DeployOutcome(stackName, true, "DELETE_COMPLETE", Duration.ZERO,
                    java.util.Map.of(), java.util.List.of(), java.util.Map.of());
            listener.accept(new DeployEvent.Finished(gone));
            return gone;
        }
        String id = stack.get().id();
        DeployOutcome outcome = deleteOnce(id, listener);
        if (!outcome.success() && outcome.finalStatus().equals("DELETE_FAILED")) {
            listener.accept(new DeployEvent.Notice("Deleting " + stackName + " failed; trying once more."));
            outcome = deleteOnce(id, listener);
        }
        return outcome;
    }

    private DeployOutcome deleteOnce(String id, Consumer<DeployEvent> listener) {
        StackEventFeed feed = StackEventFeed.after(cfn, id);
        int total = new Stacks(session).physicalIds(id, null).size();
        StackWatcher watcher = new StackWatcher(cfn, id, stackName, feed, session.target().pollInterval(),
                session.target().kind() == CloudTarget.Kind.AWS ? Duration.ofMinutes(60) : Duration.ofMinutes(5), total);
        try {
            cfn.deleteStack(b -> b.stackName(id));
        } catch (SdkException e) {
            throw new DeployException("CloudFormation refused to delete " + stackName + ": " + SdkErrors.summary(e), e);
        }
        return watcher.watch(listener, () -> true, true);
    }
}
