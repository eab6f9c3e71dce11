package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudFormation engine of the local cloud: holds the stacks of one local-cloud process and runs their
 * operations. Every check a client should hear about synchronously (template, parameters, capabilities,
 * state) happens in the calling thread and throws {@link CfnException}; the operation itself runs on the
 * engine's bounded executors, and the mutating calls wait for it up to {@link EngineSettings#syncWait()}.
 */
public final class CloudFormationEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CloudFormationEngine.class);
    private static final Set<String> UPDATABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE",
            "UPDATE_ROLLBACK_COMPLETE", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");

    private final ProviderRegistry providers;
    private final EngineSettings settings;
    private final TemplateParser parser = new TemplateParser();
    private final Map<String, Stack> stacks = new LinkedHashMap<>();
    private final Exports exports = new Exports();
    private final ExecutorService operations;
    private final ExecutorService workers;
    private final StackRunner runner;
    private final ChangePlanner planner;

    public CloudFormationEngine(ProviderRegistry providers, EngineSettings settings) {
        this.providers = providers;
        this.settings = settings;
        this.operations = EngineThreads.fixed("localcloud-cfn-op-", settings.operationThreads());
        this.workers = EngineThreads.fixed("localcloud-cfn-", settings.resourceThreads());
        ResourceSchemas schemas = ResourceSchemas.standard();
        this.runner = new StackRunner(providers, schemas, new DagRunner(workers), exports);
        this.planner = new ChangePlanner(schemas);
    }

    public ProviderRegistry providers() {
        return providers;
    }

    // ---------------------------------------------------------------- lookups

    /** The stack a name (live stacks only) or stack ARN (deleted ones too) points at, or null. */
    public Stack findStack(String nameOrId) {
        synchronized (stacks) {
            if (nameOrId.startsWith("arn:")) {
                return stacks.get(nameOrId);
            }
            Stack found = null;
            for (Stack s : stacks.values()) {
                if (s.name().equals(nameOrId) && !s.isDeleted()) {
                    found = s;
                }
            }
            return found;
        }
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
        synchronized (stacks) {
            return new ArrayList<>(stacks.values());
        }
    }

    public List<Exports.Export> exports() {
        return exports.all();
    }

    public Template parse(String body) {
        Template t = parser.parse(body);
        TemplateAnalysis.checkStructure(t);
        return t;
    }

    /** The capability a template needs ({@code CAPABILITY_IAM} / {@code CAPABILITY_NAMED_IAM}), or null. */
    public String requiredCapability(Template t) {
        return TemplateAnalysis.requiredCapability(t.resources().values());
    }

    // ---------------------------------------------------------------- change sets

    public ChangeSet createChangeSet(StackRequest req, String changeSetName, String type, String description) {
        if (!changeSetName.matches("[a-zA-Z][-a-zA-Z0-9]*") || changeSetName.length() > 128) {
            throw CfnException.validation("1 validation error detected: Value '" + changeSetName
                    + "' at 'changeSetName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
        }
        boolean create = "CREATE".equals(type);
        if (!create && !"UPDATE".equals(type)) {
            throw CfnException.validation("ChangeSetType " + type + " is not supported by the local cloud; use CREATE or UPDATE");
        }
        synchronized (stacks) {
            Stack existing = findStack(req.stackName());
            Stack.Config previous = null;
            if (create) {
                if (existing != null && !existing.status().equals("REVIEW_IN_PROGRESS")) {
                    throw CfnException.validation("Stack [" + req.stackName()
                            + "] already exists and cannot be created again with the changeSet [" + changeSetName + "].");
                }
            } else {
                if (existing == null) {
                    throw CfnException.validation("Stack [" + req.stackName() + "] does not exist");
                }
                checkUpdatable(existing);
                previous = existing.config();
            }
            Template template = template(req, previous);
            ParameterValues params = ParameterResolver.resolve(template, req.parameters(),
                    previous == null ? null : previous.parameters());
            Stack stack = existing;
            if (stack == null) {
                stack = newStack(req, "REVIEW_IN_PROGRESS", new Stack.Config(template, params, req.capabilities(),
                        tags(req, null), req.notificationArns(), false));
            }
            StackContext ctx = context(stack, template, params);
            List<ResourceChange> changes = planner.plan(previous, create ? Map.of() : stack.resourceMap(), ctx);
            TemplateAnalysis.checkCapabilities(TemplateAnalysis.requiredCapability(
                    TemplateAnalysis.analyze(ctx).resources().values()), req.capabilities());
            String reason = null;
            if (!create && changes.isEmpty() && !outputsChange(stack, ctx)
                    && tags(req, stack).equals(stack.config().tags())) {
                reason = "The submitted information didn't contain changes. Submit different information to create a change set.";
            }
            ChangeSet old = stack.changeSet(changeSetName);
            if (old != null && !isSpent(old)) {
                throw new CfnException(CfnException.Kind.ALREADY_EXISTS, "ChangeSet [" + changeSetName + "] already exists");
            }
            if (existing == null) {
                stacks.put(stack.id(), stack);
                StackEvents.stack(stack, "REVIEW_IN_PROGRESS", "User Initiated");
            }
            String id = "arn:aws:cloudformation:" + stack.region() + ":" + stack.accountId() + ":changeSet/"
                    + changeSetName + "/" + UUID.randomUUID();
            ChangeSet cs = new ChangeSet(id, changeSetName, stack, type, description, template, params,
                    req.capabilities(), tags(req, create ? null : stack), req.notificationArns(), changes, reason);
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
        return cs.status().equals("FAILED") || cs.executionStatus().startsWith("EXECUTE_")
                && !cs.executionStatus().equals("EXECUTE_IN_PROGRESS");
    }

    /** The change set a name (with its stack) or ARN points at; ChangeSetNotFound otherwise. */
    public ChangeSet findChangeSet(String changeSetNameOrId, String stackNameOrId) {
        List<Stack> candidates = new ArrayList<>();
        if (stackNameOrId != null && !stackNameOrId.isEmpty()) {
            Stack s = findStack(stackNameOrId);
            if (s != null) {
                candidates.add(s);
            }
        } else if (changeSetNameOrId.startsWith("arn:")) {
            candidates.addAll(stacks());
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

    public void executeChangeSet(ChangeSet cs, boolean disableRollback) {
        Stack stack = cs.stack();
        if (!cs.executionStatus().equals("AVAILABLE")) {
            throw new CfnException(CfnException.Kind.INVALID_CHANGE_SET_STATUS, "ChangeSet [" + cs.id()
                    + "] cannot be executed in its current status of [" + cs.executionStatus() + "]");
        }
        if (cs.type().equals("UPDATE")) {
            checkUpdatable(stack);
        }
        claim(stack, "updated");
        cs.executionStatus("EXECUTE_IN_PROGRESS");
        for (ChangeSet other : stack.changeSets()) {
            if (other != cs) {
                stack.removeChangeSet(other);
            }
        }
        stack.changeSetId(cs.id());
        Stack.Config config = new Stack.Config(cs.template(), cs.parameters(), cs.capabilities(), cs.tags(),
                cs.notificationArns(), disableRollback);
        boolean create = cs.type().equals("CREATE");
        await(start(stack, () -> {
            boolean ok = create ? runner.create(stack, config) : runner.update(stack, config);
            cs.executionStatus(ok ? "EXECUTE_COMPLETE" : "EXECUTE_FAILED");
        }));
    }

    public void deleteChangeSet(ChangeSet cs) {
        if (cs.executionStatus().equals("EXECUTE_IN_PROGRESS")) {
            throw new CfnException(CfnException.Kind.INVALID_CHANGE_SET_STATUS, "ChangeSet [" + cs.id()
                    + "] cannot be deleted in its current status of [EXECUTE_IN_PROGRESS]");
        }
        cs.stack().removeChangeSet(cs);
    }

    // ---------------------------------------------------------------- stacks

    public Stack createStack(StackRequest req) {
        Stack stack;
        synchronized (stacks) {
            if (findStack(req.stackName()) != null) {
                throw new CfnException(CfnException.Kind.ALREADY_EXISTS, "Stack [" + req.stackName() + "] already exists");
            }
            if (!req.stackName().matches("[a-zA-Z][-a-zA-Z0-9]*") || req.stackName().length() > 128) {
                throw CfnException.validation("1 validation error detected: Value '" + req.stackName()
                        + "' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*");
            }
            Template template = template(req, null);
            ParameterValues params = ParameterResolver.resolve(template, req.parameters(), null);
            boolean disableRollback = req.disableRollback() || "DO_NOTHING".equals(req.onFailure());
            stack = newStack(req, "CREATE_IN_PROGRESS", new Stack.Config(template, params, req.capabilities(),
                    tags(req, null), req.notificationArns(), disableRollback));
            StackContext ctx = context(stack, template, params);
            planner.plan(null, Map.of(), ctx);
            TemplateAnalysis.checkCapabilities(TemplateAnalysis.requiredCapability(
                    TemplateAnalysis.analyze(ctx).resources().values()), req.capabilities());
            stacks.put(stack.id(), stack);
            stack.tryBegin();
        }
        Stack s = stack;
        Stack.Config config = stack.config();
        boolean deleteOnFailure = "DELETE".equals(req.onFailure());
        await(run(s, () -> {
            if (!runner.create(s, config) && deleteOnFailure) {
                runner.delete(s, stacks());
            }
        }));
        return s;
    }

    public Stack updateStack(StackRequest req) {
        Stack stack = findStack(req.stackName());
        if (stack == null) {
            throw CfnException.validation("Stack [" + req.stackName() + "] does not exist");
        }
        checkUpdatable(stack);
        Stack.Config previous = stack.config();
        Template template = template(req, previous);
        ParameterValues params = ParameterResolver.resolve(template, req.parameters(), previous.parameters());
        StackContext ctx = context(stack, template, params);
        List<ResourceChange> changes = planner.plan(previous, stack.resourceMap(), ctx);
        TemplateAnalysis.checkCapabilities(TemplateAnalysis.requiredCapability(
                TemplateAnalysis.analyze(ctx).resources().values()), req.capabilities());
        Map<String, String> tags = tags(req, stack);
        if (changes.isEmpty() && !outputsChange(stack, ctx) && tags.equals(previous.tags())) {
            throw CfnException.validation("No updates are to be performed.");
        }
        claim(stack, "updated");
        Stack.Config config = new Stack.Config(template, params, req.capabilities(), tags, req.notificationArns(),
                req.disableRollback());
        await(start(stack, () -> runner.update(stack, config)));
        return stack;
    }

    /** Deletes a stack; a missing stack is not an error, as in CloudFormation. */
    public void deleteStack(String nameOrId) {
        Stack stack = findStack(nameOrId);
        if (stack == null || stack.isDeleted()) {
            return;
        }
        if (stack.status().equals("REVIEW_IN_PROGRESS") && !stack.isBusy()) {
            claim(stack, "deleted");
            try {
                stack.clearChangeSets();
                StackEvents.stack(stack, "DELETE_COMPLETE", null);
            } finally {
                stack.end();
            }
            return;
        }
        claim(stack, "deleted");
        await(start(stack, () -> runner.delete(stack, stacks())));
    }

    /** Stops an update in progress; it rolls back to the previous configuration. */
    public void cancelUpdate(String nameOrId) {
        Stack stack = requireStack(nameOrId);
        if (!stack.status().equals("UPDATE_IN_PROGRESS")) {
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

    // ---------------------------------------------------------------- internals

    private Stack newStack(StackRequest req, String status, Stack.Config config) {
        String id = "arn:aws:cloudformation:" + req.region() + ":" + req.accountId() + ":stack/" + req.stackName()
                + "/" + UUID.randomUUID();
        return new Stack(id, req.stackName(), req.region(), req.accountId(), status, config);
    }

    private Template template(StackRequest req, Stack.Config previous) {
        if (req.usePreviousTemplate()) {
            if (previous == null) {
                throw CfnException.validation("UsePreviousTemplate can only be used with an existing stack");
            }
            return previous.template();
        }
        if (req.templateBody() == null || req.templateBody().isEmpty()) {
            throw CfnException.validation("Either Template URL or Template Body must be specified.");
        }
        return parse(req.templateBody());
    }

    private StackContext context(Stack stack, Template template, ParameterValues params) {
        return new StackContext(template, params, stack.region(), stack.accountId(), stack.name(), stack.id(),
                exports::value);
    }

    private static Map<String, String> tags(StackRequest req, Stack current) {
        if (req.tags() == null || req.tags().isEmpty() && current != null) {
            return current == null ? Map.of() : current.config().tags();
        }
        return req.tags();
    }

    private static boolean outputsChange(Stack stack, StackContext ctx) {
        try {
            List<Stack.Output> next = StackRunner.outputs(ctx);
            return !next.equals(stack.outputs());
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static void checkUpdatable(Stack stack) {
        String status = stack.status();
        if (stack.isBusy() || !UPDATABLE.contains(status)) {
            throw CfnException.validation("Stack:" + stack.id() + " is in " + status + " state and can not be updated.");
        }
    }

    private static void claim(Stack stack, String verb) {
        if (!stack.tryBegin()) {
            throw CfnException.validation("Stack:" + stack.id() + " is in " + stack.status()
                    + " state and can not be " + verb + ".");
        }
    }

    /** Runs an operation on a stack already claimed; releases the claim when it ends. */
    private Future<?> start(Stack stack, Runnable op) {
        return run(stack, op);
    }

    private Future<?> run(Stack stack, Runnable op) {
        return operations.submit(() -> {
            try {
                op.run();
            } catch (RuntimeException e) {
                LOG.error("operation on stack {} failed unexpectedly", stack.name(), e);
                StackEvents.stack(stack, stack.status().startsWith("DELETE") ? "DELETE_FAILED"
                        : stack.status().startsWith("UPDATE") ? "UPDATE_ROLLBACK_FAILED" : "ROLLBACK_FAILED",
                        "Internal failure: " + e.getMessage());
            } finally {
                stack.end();
            }
        });
    }

    private void await(Future<?> f) {
        try {
            f.get(settings.syncWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            // answered anyway; the operation continues and DescribeStacks shows it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.error("stack operation failed", e.getCause());
        }
    }

    @Override
    public void close() {
        operations.shutdownNow();
        workers.shutdownNow();
        try {
            operations.awaitTermination(5, TimeUnit.SECONDS);
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
