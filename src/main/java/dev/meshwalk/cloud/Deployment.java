package dev.meshwalk.cloud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import dev.meshwalk.facts.CancelOutcome;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.Change;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.CreateChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeChangeSetResponse;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.ResourceChange;
import software.amazon.awssdk.services.cloudformation.model.Tag;
import software.amazon.awssdk.services.cloudformation.model.TemplateParameter;

/**
 * Deploys one chapter into the tutorial's stack the careful way: a change set first (CREATE or UPDATE as the
 * stack's state says), a preview to confirm, then execution with live per-resource progress reported as
 * {@link DeployEvent}s. The scripted {@code deploy} command and the TUI drive the same class.
 *
 * <p>Blocking methods are meant for a worker thread; {@link #cancelUpdate()} may be called from any thread
 * while {@link #execute} runs.
 */
public final class Deployment {

    private static final Set<String> EMPTY_CHANGE_SET_REASONS = Set.of(
            "didn't contain changes", "No updates are to be performed");

    private final CloudSession session;
    private final CloudFormationClient cfn;
    private final DeployRequest request;
    private final Stacks stacks;

    public Deployment(CloudSession session, DeployRequest request) {
        this.session = session;
        this.cfn = session.cloudFormation();
        this.request = request;
        this.stacks = new Stacks(session);
    }

    public DeployRequest request() {
        return request;
    }

    /** The stack's parameter values as deployed now (empty before its creation): the preview's "before". */
    public Map<String, String> currentParameters() {
        return stacks.parameters(request.stackName());
    }

    /** The tutorial's stack as it is now, if it exists. */
    public Optional<StackInfo> currentStack() {
        return stacks.find(request.stackName());
    }

    /**
     * Waits (bounded) for another operation on the stack to finish, reporting what it waits for and each status
     * the stack passes through (as {@link DeployEvent.StackStatusChanged}, elapsed from the start of the wait, so
     * a cancelled update shows its rollback); returns the settled stack, or empty if it disappeared.
     */
    public Optional<StackInfo> waitUntilSettled(Consumer<DeployEvent> listener, Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Optional<StackInfo> stack = currentStack();
        boolean told = false;
        String lastStatus = null;
        while (stack.isPresent() && stack.get().condition() == StackInfo.Condition.BUSY) {
            if (!told) {
                listener.accept(new DeployEvent.Notice("The stack " + request.stackName() + " is busy ("
                        + stack.get().status() + "); waiting for that operation to finish."));
                told = true;
            }
            lastStatus = reportChange(listener, stack.get(), lastStatus, start);
            if (System.nanoTime() > deadline) {
                throw new DeployException("The stack " + request.stackName() + " is still " + stack.get().status()
                        + " after " + limit.toSeconds() + " s. Try again when it has settled (see `status`).");
            }
            StackWatcher.sleep(session.target().pollInterval());
            stack = currentStack();
        }
        if (told && stack.isPresent()) {
            reportChange(listener, stack.get(), lastStatus, start);
        }
        return stack;
    }

    private static String reportChange(Consumer<DeployEvent> listener, StackInfo stack, String lastStatus, long start) {
        if (!stack.status().equals(lastStatus)) {
            listener.accept(new DeployEvent.StackStatusChanged(stack.name(), stack.status(), stack.statusReason(),
                    Duration.ofNanos(System.nanoTime() - start)));
        }
        return stack.status();
    }

    /**
     * Deletes the stack (used for a failed create in {@code ROLLBACK_COMPLETE}, which can only be deleted
     * before it is created again), with progress.
     */
    public DeployOutcome deleteStack(Consumer<DeployEvent> listener) {
        return new StackRemoval(session, request.stackName()).delete(listener);
    }

    /**
     * Creates the change set and waits until CloudFormation has computed it. Throws {@link DeployException}
     * with a readable reason if the template or parameters are refused.
     */
    public DeployPlan plan() {
        Optional<StackInfo> stack = currentStack();
        boolean create = stack.isEmpty() || stack.get().condition() == StackInfo.Condition.EMPTY
                || stack.get().condition() == StackInfo.Condition.GONE;
        if (stack.isPresent()) {
            switch (stack.get().condition()) {
                case FAILED_CREATE -> throw new DeployException("The stack " + request.stackName()
                        + " is in ROLLBACK_COMPLETE: its first creation failed and CloudFormation only allows deleting"
                        + " it. Delete it, then deploy again.");
                case BUSY -> throw new DeployException("The stack " + request.stackName() + " is busy ("
                        + stack.get().status() + "). Wait for it to settle, or cancel that operation.");
                case STUCK -> throw new DeployException("The stack " + request.stackName() + " is in "
                        + stack.get().status() + stack.get().statusReason().map(r -> " (" + r + ")").orElse("")
                        + ". It has to be deleted (teardown) before the tutorial can deploy again.");
                default -> {
                }
            }
        }
        List<Parameter> parameters = declaredParameters();
        String name = "meshwalk-" + request.chapterId().replaceAll("[^A-Za-z0-9-]", "-") + "-" + System.currentTimeMillis();
        CreateChangeSetResponse created;
        try {
            created = cfn.createChangeSet(b -> b.stackName(request.stackName())
                    .changeSetName(name)
                    .changeSetType(create ? ChangeSetType.CREATE : ChangeSetType.UPDATE)
                    .templateBody(request.templateBody())
                    .parameters(parameters)
                    .capabilities(Capability.CAPABILITY_IAM, Capability.CAPABILITY_NAMED_IAM)
                    .tags(request.tags().entrySet().stream()
                            .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList())
                    .description("meshwalk chapter " + request.chapterId()));
        } catch (SdkException e) {
            throw new DeployException("CloudFormation refused the change set for chapter " + request.chapterId()
                    + ": " + SdkErrors.summary(e), e);
        }
        DescribeChangeSetResponse ready = awaitChangeSet(created.id());
        if ("FAILED".equals(ready.statusAsString())) {
            String reason = Optional.ofNullable(ready.statusReason()).orElse("no reason given");
            if (EMPTY_CHANGE_SET_REASONS.stream().anyMatch(reason::contains)) {
                deleteQuietly(created.id());
                return new DeployPlan.NoChanges(request.stackName(), request.chapterId());
            }
            deleteQuietly(created.id());
            throw new DeployException("The change set for chapter " + request.chapterId() + " failed: " + reason);
        }
        return new DeployPlan.Ready(request.stackName(), created.id(), create, changes(created.id(), ready));
    }

    /**
     * Executes a prepared change set and follows it to the end, emitting events; call on a worker thread.
     * Returns the outcome (also sent as the last event).
     */
    public DeployOutcome execute(DeployPlan.Ready plan, Consumer<DeployEvent> listener) {
        StackEventFeed feed = StackEventFeed.after(cfn, plan.stackName());
        ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "meshwalk-deploy-execute-" + plan.stackName());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletableFuture<Void> call = CompletableFuture.runAsync(
                    () -> cfn.executeChangeSet(b -> b.changeSetName(plan.changeSetId()).stackName(plan.stackName())),
                    caller);
            StackWatcher watcher = new StackWatcher(cfn, plan.stackName(), plan.stackName(), feed,
                    session.target().pollInterval(), operationLimit(), plan.changes().size())
                    .following(ServiceDeploymentFollower.of(session));
            DeployOutcome outcome = watcher.watch(listener, () -> callDone(call), false);
            if (outcome.success()) {
                new ChapterDashboards(session).publish(plan.stackName(),
                        request.parameters().getOrDefault("ProjectName", plan.stackName()), listener);
            }
            return outcome;
        } finally {
            caller.shutdownNow();
        }
    }

    /** Deletes a change set the user decided not to execute (and a stack left empty by a declined create). */
    public void discard(DeployPlan.Ready plan) {
        deleteQuietly(plan.changeSetId());
        if (plan.create()) {
            currentStack().filter(s -> s.condition() == StackInfo.Condition.EMPTY)
                    .ifPresent(s -> quietly(() -> cfn.deleteStack(b -> b.stackName(s.id()))));
        }
    }

    /**
     * Asks CloudFormation to stop a running update and roll back to the previous chapter. A create cannot be
     * cancelled (only deleted once it settles); the outcome says which case applied.
     */
    public CancelOutcome cancelUpdate() {
        Optional<StackInfo> stack = currentStack();
        if (stack.isEmpty()) {
            return new CancelOutcome.NoStack(request.stackName());
        }
        String status = stack.get().status();
        if (status.equals("UPDATE_IN_PROGRESS")) {
            try {
                cfn.cancelUpdateStack(b -> b.stackName(request.stackName()));
                return new CancelOutcome.Requested();
            } catch (SdkException e) {
                return new CancelOutcome.Refused(SdkErrors.summary(e));
            }
        }
        if (status.equals("CREATE_IN_PROGRESS")) {
            return new CancelOutcome.CreateNotCancellable();
        }
        return new CancelOutcome.NothingToCancel(status);
    }

    private Duration operationLimit() {
        return session.target().kind() == CloudTarget.Kind.AWS ? Duration.ofMinutes(90) : Duration.ofMinutes(10);
    }

    private static boolean callDone(CompletableFuture<Void> call) {
        if (!call.isDone()) {
            return false;
        }
        try {
            call.get();
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new DeployException("CloudFormation refused to execute the change set: " + SdkErrors.summary(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private List<Parameter> declaredParameters() {
        List<TemplateParameter> declared;
        try {
            declared = cfn.validateTemplate(b -> b.templateBody(request.templateBody())).parameters();
        } catch (SdkException e) {
            throw new DeployException("The template of chapter " + request.chapterId() + " is not valid: "
                    + SdkErrors.summary(e), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (TemplateParameter p : declared) {
            String value = request.parameters().get(p.parameterKey());
            if (value != null) {
                values.put(p.parameterKey(), value);
            }
        }
        return values.entrySet().stream()
                .map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build())
                .collect(Collectors.toList());
    }

    private DescribeChangeSetResponse awaitChangeSet(String id) {
        long deadline = System.nanoTime()
                + (session.target().kind() == CloudTarget.Kind.AWS ? Duration.ofMinutes(5) : Duration.ofMinutes(1)).toNanos();
        while (true) {
            DescribeChangeSetResponse response = cfn.describeChangeSet(b -> b.changeSetName(id).stackName(request.stackName()));
            String status = response.statusAsString();
            if ("CREATE_COMPLETE".equals(status) || "FAILED".equals(status)) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException("CloudFormation is still computing the change set (" + status + "); try again.");
            }
            StackWatcher.sleep(session.target().pollInterval());
        }
    }

    private List<PlannedChange> changes(String id, DescribeChangeSetResponse first) {
        List<PlannedChange> all = new ArrayList<>();
        DescribeChangeSetResponse page = first;
        for (int i = 0; i < 50; i++) {
            for (Change change : page.changes()) {
                ResourceChange rc = change.resourceChange();
                if (rc == null) {
                    continue;
                }
                PlannedChange.Action action = PlannedChange.Action.of(rc.actionAsString());
                Optional<String> replacement = action == PlannedChange.Action.MODIFY
                        ? Optional.ofNullable(rc.replacementAsString()) : Optional.empty();
                all.add(new PlannedChange(action, rc.logicalResourceId(), rc.resourceType(), replacement,
                        ResourceTypes.describe(rc.resourceType())));
            }
            String token = page.nextToken();
            if (token == null || token.isEmpty()) {
                break;
            }
            page = cfn.describeChangeSet(b -> b.changeSetName(id).stackName(request.stackName()).nextToken(token));
        }
        return all;
    }

    private void deleteQuietly(String changeSetId) {
        quietly(() -> cfn.deleteChangeSet(b -> b.changeSetName(changeSetId).stackName(request.stackName())));
    }

    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (SdkException ignored) {
            // Best-effort cleanup of something the user declined; nothing they need to act on.
        }
    }
}
