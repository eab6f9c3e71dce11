package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The CloudFormation engine of the local cloud: holds the stacks of one local-cloud process ({@link StackTable})
 * and runs their operations. Every check a client should hear about synchronously (template, parameters,
 * capabilities, state) happens in the calling thread and throws {@link CfnException}; the operation itself runs
 * on the engine's bounded executors ({@link StackOperations}, {@link StackRunner}), and the mutating calls wait
 * for it up to {@link EngineSettings#syncWait()}. Change sets are {@link ChangeSetOperations}.
 */
public final class CloudFormationEngine implements AutoCloseable {

    private final ProviderRegistry providers;
    private final StackTable stacks = new StackTable();
    private final Exports exports = new Exports();
    private final StackInputs inputs = new StackInputs(exports);
    private final ExecutorService operationThreads;
    private final ExecutorService workers;
    private final StackOperations operations;
    private final StackRunner runner;
    private final ChangePlanner planner;
    private final ChangeSetOperations changeSets;
    private volatile Runnable beforeAnswering = () -> { };

    public CloudFormationEngine(ProviderRegistry providers, EngineSettings settings) {
        this.providers = providers;
        this.operationThreads = EngineThreads.fixed("localcloud-cfn-op-", settings.operationThreads());
        this.workers = EngineThreads.fixed("localcloud-cfn-", settings.resourceThreads());
        this.operations = new StackOperations(operationThreads, settings.syncWait());
        ResourceSchemas schemas = ResourceSchemas.standard();
        this.runner = new StackRunner(providers, schemas, new DagRunner(workers), exports);
        this.planner = new ChangePlanner(schemas);
        this.changeSets = new ChangeSetOperations(stacks, inputs, planner, runner, operations);
    }

    public ProviderRegistry providers() {
        return providers;
    }

    StackTable table() {
        return stacks;
    }

    StackInputs inputs() {
        return inputs;
    }

    Exports exportTable() {
        return exports;
    }

    StackRunner runner() {
        return runner;
    }

    // ---------------------------------------------------------------- lookups

    /** The stack a name (live stacks only) or stack ARN (deleted ones too) points at, or null. */
    public Stack findStack(String nameOrId) {
        return stacks.find(nameOrId);
    }

    /** As {@link #findStack}, refusing with the message the CLI's deploy looks for. */
    public Stack requireStack(String nameOrId) {
        Stack s = findStack(nameOrId);
        if (s == null) {
            throw CfnException.validation("Stack with id " + nameOrId + " does not exist");
        }
        return s;
    }

    /** Every stack this process has seen, oldest first, deleted ones included. */
    public List<Stack> stacks() {
        return stacks.all();
    }

    public List<Exports.Export> exports() {
        return exports.all();
    }

    public Template parse(String body) {
        return inputs.parse(body);
    }

    /** The capability a template needs ({@code CAPABILITY_IAM} / {@code CAPABILITY_NAMED_IAM}), or null. */
    public String requiredCapability(Template t) {
        return TemplateAnalysis.requiredCapability(t.resources().values());
    }

    /** Runs {@code saveChanges} before each API answer ({@link SavedStacks}: what a client saw survives a crash). */
    public void beforeAnswering(Runnable saveChanges) {
        this.beforeAnswering = saveChanges;
    }

    /** Called by the API after it computed an answer and before it sends it. */
    public void answering() {
        beforeAnswering.run();
    }

    // ---------------------------------------------------------------- change sets

    public ChangeSet createChangeSet(StackRequest req, String changeSetName, String type, String description) {
        return changeSets.create(req, changeSetName, type, description);
    }

    /** The change set a name (with its stack) or ARN points at; ChangeSetNotFound otherwise. */
    public ChangeSet findChangeSet(String changeSetNameOrId, String stackNameOrId) {
        return changeSets.find(changeSetNameOrId, stackNameOrId);
    }

    public void executeChangeSet(ChangeSet cs, boolean disableRollback) {
        changeSets.execute(cs, disableRollback);
    }

    public void deleteChangeSet(ChangeSet cs) {
        changeSets.delete(cs);
    }

    // ---------------------------------------------------------------- stacks

    public Stack createStack(StackRequest req) {
        Stack stack;
        synchronized (stacks.lock()) {
            if (findStack(req.stackName()) != null) {
                throw new CfnException(CfnException.Kind.ALREADY_EXISTS, "Stack [" + req.stackName() + "] already exists");
            }
            if (!req.stackName().matches("[a-zA-Z][-a-zA-Z0-9]*") || req.stackName().length() > 128) {
                throw CfnException.validation("1 validation error detected: Value '" + req.stackName()
                        + "' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
            }
            Template template = inputs.template(req, null);
            ParameterValues params = ParameterResolver.resolve(template, req.parameters(), null);
            boolean disableRollback = req.disableRollback() || "DO_NOTHING".equals(req.onFailure());
            stack = StackTable.newStack(req, StackStatus.CREATE_IN_PROGRESS, new Stack.Config(template, params,
                    req.capabilities(), StackInputs.tags(req, null), req.notificationArns(), disableRollback));
            StackContext ctx = inputs.context(stack, template, params);
            planner.plan(null, Map.of(), ctx);
            StackInputs.checkCapabilities(ctx, req);
            stacks.add(stack);
            stack.tryBegin();
        }
        Stack s = stack;
        Stack.Config config = stack.config();
        boolean deleteOnFailure = "DELETE".equals(req.onFailure());
        operations.runAndWait(s, () -> {
            if (!runner.create(s, config) && deleteOnFailure) {
                runner.delete(s, stacks());
            }
        });
        return s;
    }

    public Stack updateStack(StackRequest req) {
        Stack stack = findStack(req.stackName());
        if (stack == null) {
            throw CfnException.validation("Stack [" + req.stackName() + "] does not exist");
        }
        StackOperations.checkUpdatable(stack);
        Stack.Config previous = stack.config();
        Template template = inputs.template(req, previous);
        ParameterValues params = ParameterResolver.resolve(template, req.parameters(), previous.parameters());
        StackContext ctx = inputs.context(stack, template, params);
        List<ResourceChange> changes = planner.plan(previous, stack.resourceMap(), ctx);
        StackInputs.checkCapabilities(ctx, req);
        Map<String, String> tags = StackInputs.tags(req, stack);
        if (changes.isEmpty() && !StackOutputs.wouldChange(stack, ctx) && tags.equals(previous.tags())) {
            throw CfnException.validation("No updates are to be performed.");
        }
        StackOperations.claim(stack, "updated");
        Stack.Config config = new Stack.Config(template, params, req.capabilities(), tags, req.notificationArns(),
                req.disableRollback());
        operations.runAndWait(stack, () -> runner.update(stack, config));
        return stack;
    }

    /** Deletes a stack; a missing stack is not an error, as in CloudFormation. */
    public void deleteStack(String nameOrId) {
        Stack stack = findStack(nameOrId);
        if (stack == null || stack.isDeleted()) {
            return;
        }
        if (stack.status() == StackStatus.REVIEW_IN_PROGRESS && !stack.isBusy()) {
            StackOperations.claim(stack, "deleted");
            try {
                stack.clearChangeSets();
                StackEvents.stack(stack, StackStatus.DELETE_COMPLETE, null);
            } finally {
                stack.end();
            }
            return;
        }
        StackOperations.claim(stack, "deleted");
        operations.runAndWait(stack, () -> runner.delete(stack, stacks()));
    }

    /** Stops an update in progress; it rolls back to the previous configuration. */
    public void cancelUpdate(String nameOrId) {
        Stack stack = requireStack(nameOrId);
        if (stack.status() != StackStatus.UPDATE_IN_PROGRESS) {
            throw CfnException.validation("CancelUpdateStack cannot be called from current stack status");
        }
        stack.requestCancel();
    }

    /** The template a stack (or one of its change sets) was made from. */
    public Template templateOf(String stackNameOrId, String changeSetName) {
        if (changeSetName != null && !changeSetName.isEmpty()) {
            return findChangeSet(changeSetName, stackNameOrId).template();
        }
        return requireStack(stackNameOrId).config().template();
    }

    @Override
    public void close() {
        operationThreads.shutdownNow();
        workers.shutdownNow();
        try {
            operationThreads.awaitTermination(5, TimeUnit.SECONDS);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
