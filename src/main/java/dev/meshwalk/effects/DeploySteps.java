package dev.meshwalk.effects;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.meshwalk.cloud.CloudSession;
import dev.meshwalk.cloud.DeployPlan;
import dev.meshwalk.cloud.DeployRequest;
import dev.meshwalk.cloud.Deployment;
import dev.meshwalk.cloud.PlannedChange;
import dev.meshwalk.cloud.ResourceTypes;
import dev.meshwalk.cloud.StackInfo;
import dev.meshwalk.core.ChangeSet;
import dev.meshwalk.core.DeployOrder;

/**
 * The deploy flow's order of steps, once, for the full screen, line mode and the scripted {@code deploy}: a busy
 * stack first, then a failed first creation (ROLLBACK_COMPLETE), then the change set, which may change nothing.
 * What each front-end does about a step (ask, wait, confirm) is its own; the order and the checks are here.
 */
public final class DeploySteps {

    /** Where a deployment stands: the next thing the flow has to deal with. */
    public sealed interface Step {
    }

    /** Another operation runs on the stack: wait for it (or cancel an update), then look again. */
    public record Busy(StackInfo stack) implements Step {
    }

    /** The stack's first creation failed: it has to be deleted, then look again. */
    public record FailedCreate(StackInfo stack) implements Step {
    }

    /** The stack already runs this; {@code frontEndpoint} is its output, if it has one. */
    public record NothingToDo(Optional<String> frontEndpoint) implements Step {
    }

    /** A change set waits for the yes. */
    public record Ready(DeployPlan.Ready plan) implements Step {
    }

    private DeploySteps() {
    }

    /** The next step for this deployment; computes the change set when the stack can take one. */
    public static Step next(Deployment deployment) {
        Optional<StackInfo> current = deployment.currentStack();
        if (current.isPresent() && current.get().condition() == StackInfo.Condition.BUSY) {
            return new Busy(current.get());
        }
        if (current.isPresent() && current.get().condition() == StackInfo.Condition.FAILED_CREATE) {
            return new FailedCreate(current.get());
        }
        DeployPlan plan = deployment.plan();
        if (plan instanceof DeployPlan.Ready ready) {
            return new Ready(ready);
        }
        return new NothingToDo(deployment.currentStack().flatMap(StackInfo::frontEndpoint));
    }

    /**
     * The deployment for an order: the chapter's template, the tutorial's parameters, the app images made for this
     * target over them, and the order's own overrides over everything.
     */
    public static Deployment deployment(CloudSession session, ActionSupport support, DeployOrder order,
            Map<String, String> images) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>(support.parameters());
        parameters.putAll(images);
        parameters.putAll(order.overrides());
        return new Deployment(session, new DeployRequest(support.stackName(), order.chapterId(),
                support.template(order.chapterId()), parameters));
    }

    /** The same deployment again, for executing a change set computed with these parameters. */
    public static Deployment deployment(CloudSession session, ActionSupport support, DeployOrder order,
            ChangeSet changeSet) throws IOException {
        return new Deployment(session, new DeployRequest(support.stackName(), order.chapterId(),
                support.template(order.chapterId()), changeSet.parameters()));
    }

    /** A deployment that only names the stack: for waiting on it, looking at it or cancelling its update. */
    static Deployment ofStack(CloudSession session, String stackName) {
        return new Deployment(session, new DeployRequest(stackName, "", "", Map.of()));
    }

    /**
     * A change set in the core's terms, which word the preview: with the parameters it was computed with and, for an
     * update, the values the stack runs now, so the preview shows which parameters change.
     */
    public static ChangeSet changeSet(DeployPlan.Ready plan, Deployment deployment) {
        return changeSet(plan, deployment.request().parameters(), plan.create() ? Map.of() : deployment.currentParameters());
    }

    /** As above, from the parameters sent and those the stack ran before. */
    public static ChangeSet changeSet(DeployPlan.Ready plan, Map<String, String> parameters, Map<String, String> before) {
        return new ChangeSet(plan.stackName(), plan.changeSetId(), plan.create(), plan.changes().stream()
                .map(c -> new ChangeSet.Change(ChangeSet.Kind.valueOf(c.action().name()), c.logicalId(),
                        ResourceTypes.shortName(c.type()), c.replacement().orElse(null), c.description()))
                .toList(), parameters, before);
    }

    /** The cloud's plan for a change set the core kept: what executing or deleting it needs. */
    static DeployPlan.Ready plan(ChangeSet c) {
        return new DeployPlan.Ready(c.stackName(), c.id(), c.create(), c.changes().stream()
                .map(ch -> new PlannedChange(PlannedChange.Action.valueOf(ch.kind().name()), ch.logicalId(), ch.type(),
                        Optional.ofNullable(ch.replacement()), ch.description()))
                .toList());
    }
}
