package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudFormation's change sets: creating one plans the changes (checking template, parameters and capabilities
 * at once, and answering FAILED when nothing would change); a CREATE set makes a stack in REVIEW_IN_PROGRESS;
 * executing one runs the create or update it describes and discards the stack's other sets.
 */
final class ChangeSetOperations {

    private final StackTable stacks;
    private final StackInputs inputs;
    private final ChangePlanner planner;
    private final StackRunner runner;
    private final StackOperations operations;

    ChangeSetOperations(StackTable stacks, StackInputs inputs, ChangePlanner planner, StackRunner runner,
                        StackOperations operations) {
        this.stacks = stacks;
        this.inputs = inputs;
        this.planner = planner;
        this.runner = runner;
        this.operations = operations;
    }

    ChangeSet create(StackRequest req, String changeSetName, String type, String description) {
        if (!changeSetName.matches("[a-zA-Z][-a-zA-Z0-9]*") || changeSetName.length() > 128) {
            throw CfnException.validation("1 validation error detected: Value '" + changeSetName
                    + "' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
        }
        boolean create = "CREATE".equals(type);
        if (!create && !"UPDATE".equals(type)) {
            throw CfnException.validation("ChangeSetType " + type + " is not supported by the local cloud; use CREATE or UPDATE");
        }
        synchronized (stacks.lock()) {
            Stack existing = stacks.find(req.stackName());
            Stack.Config previous = null;
            if (create) {
                if (existing != null && existing.status() != StackStatus.REVIEW_IN_PROGRESS) {
                    throw CfnException.validation("Stack [" + req.stackName()
                            + "] already exists and cannot be created again with the changeSet [" + changeSetName + "].");
                }
            } else {
                if (existing == null) {
                    throw CfnException.validation("Stack [" + req.stackName() + "] does not exist");
                }
                StackOperations.checkUpdatable(existing);
                previous = existing.config();
            }
            Template template = inputs.template(req, previous);
            ParameterValues params = ParameterResolver.resolve(template, req.parameters(),
                    previous == null ? null : previous.parameters());
            Stack stack = existing;
            if (stack == null) {
                stack = StackTable.newStack(req, StackStatus.REVIEW_IN_PROGRESS, new Stack.Config(template, params,
                        req.capabilities(), StackInputs.tags(req, null), req.notificationArns(), false));
            }
            StackContext ctx = inputs.context(stack, template, params);
            List<ResourceChange> changes = planner.plan(previous, create ? Map.of() : stack.resourceMap(), ctx);
            StackInputs.checkCapabilities(ctx, req);
            String reason = null;
            if (!create && changes.isEmpty() && !StackOutputs.wouldChange(stack, ctx)
                    && StackInputs.tags(req, stack).equals(stack.config().tags())) {
                reason = "The submitted information didn't contain changes. Submit different information to create a change set.";
            }
            ChangeSet old = stack.changeSet(changeSetName);
            if (old != null && !isSpent(old)) {
                throw new CfnException(CfnException.Kind.ALREADY_EXISTS, "ChangeSet [" + changeSetName + "] already exists");
            }
            if (existing == null) {
                stacks.add(stack);
                StackEvents.stack(stack, StackStatus.REVIEW_IN_PROGRESS, "User Initiated");
            }
            String id = AwsIds.arn("cloudformation", stack.region(), stack.accountId(),
                    "changeSet/" + changeSetName + "/" + AwsIds.uuid());
            ChangeSet cs = new ChangeSet(id, changeSetName, stack, type, description, template, params,
                    req.capabilities(), StackInputs.tags(req, create ? null : stack), req.notificationArns(), changes,
                    reason);
            stack.putChangeSet(cs);
            return cs;
        }
    }

    /**
     * A change set that failed or has been executed is history: a new one may take its name (and replaces it).
     * The AWS CLI names its change sets by the second ({@code awscli-cloudformation-package-deploy-<epoch>}); on
     * AWS a deploy takes minutes, but here a whole deploy can end within one second, so two quick
     * {@code aws cloudformation deploy} runs would otherwise collide on a name that only names an executed set.
     */
    private static boolean isSpent(ChangeSet cs) {
        return cs.status() == ChangeSet.Status.FAILED
                || cs.executionStatus() == ChangeSet.ExecutionStatus.EXECUTE_COMPLETE
                || cs.executionStatus() == ChangeSet.ExecutionStatus.EXECUTE_FAILED;
    }

    /** The change set a name (with its stack) or ARN points at; ChangeSetNotFound otherwise. */
    ChangeSet find(String changeSetNameOrId, String stackNameOrId) {
        List<Stack> candidates = new ArrayList<>();
        if (stackNameOrId != null && !stackNameOrId.isEmpty()) {
            Stack s = stacks.find(stackNameOrId);
            if (s != null) {
                candidates.add(s);
            }
        } else if (changeSetNameOrId.startsWith("arn:")) {
            candidates.addAll(stacks.all());
        }
        for (Stack s : candidates) {
            ChangeSet cs = s.changeSet(changeSetNameOrId);
            if (cs != null) {
                return cs;
            }
        }
        if (stackNameOrId != null && !stackNameOrId.isEmpty() && candidates.isEmpty()) {
            throw CfnException.validation("Stack [" + stackNameOrId + "] does not exist");
        }
        throw new CfnException(CfnException.Kind.CHANGE_SET_NOT_FOUND, "ChangeSet [" + changeSetNameOrId + "] does not exist");
    }

    void execute(ChangeSet cs, boolean disableRollback) {
        Stack stack = cs.stack();
        if (cs.executionStatus() != ChangeSet.ExecutionStatus.AVAILABLE) {
            throw new CfnException(CfnException.Kind.INVALID_CHANGE_SET_STATUS, "ChangeSet [" + cs.id()
                    + "] cannot be executed in its current status of [" + cs.executionStatus() + "]");
        }
        if (cs.type().equals("UPDATE")) {
            StackOperations.checkUpdatable(stack);
        }
        StackOperations.claim(stack, "updated");
        cs.executionStatus(ChangeSet.ExecutionStatus.EXECUTE_IN_PROGRESS);
        for (ChangeSet other : stack.changeSets()) {
            if (other != cs) {
                stack.removeChangeSet(other);
            }
        }
        stack.changeSetId(cs.id());
        Stack.Config config = new Stack.Config(cs.template(), cs.parameters(), cs.capabilities(), cs.tags(),
                cs.notificationArns(), disableRollback);
        boolean create = cs.type().equals("CREATE");
        operations.runAndWait(stack, () -> {
            boolean ok = create ? runner.create(stack, config) : runner.update(stack, config);
            cs.executionStatus(ok ? ChangeSet.ExecutionStatus.EXECUTE_COMPLETE : ChangeSet.ExecutionStatus.EXECUTE_FAILED);
        });
    }

    void delete(ChangeSet cs) {
        if (cs.executionStatus() == ChangeSet.ExecutionStatus.EXECUTE_IN_PROGRESS) {
            throw new CfnException(CfnException.Kind.INVALID_CHANGE_SET_STATUS, "ChangeSet [" + cs.id()
                    + "] cannot be deleted in its current status of [EXECUTE_IN_PROGRESS]");
        }
        cs.stack().removeChangeSet(cs);
    }
}
