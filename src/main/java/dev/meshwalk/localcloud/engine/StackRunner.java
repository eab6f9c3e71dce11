package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out create, update and delete on one stack and moves it through CloudFormation's statuses while it
 * does: {@link ResourceApplier} makes the resources, {@link ResourceDeleter} removes them, and a failed update is
 * undone by {@link UpdateRollback}. After a successful update the replaced and removed resources are cleaned
 * up; after a failed create everything is deleted (unless rollback is disabled). Runs on an engine operation
 * thread; the stack was claimed for it by the caller.
 */
final class StackRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StackRunner.class);

    private final Exports exports;
    private final ResourceApplier applier;
    private final ResourceDeleter deleter;
    private final UpdateRollback rollback;

    StackRunner(ProviderRegistry providers, ResourceSchemas schemas, DagRunner dag, Exports exports) {
        this.exports = exports;
        this.applier = new ResourceApplier(providers, schemas, dag);
        this.deleter = new ResourceDeleter(providers, dag);
        this.rollback = new UpdateRollback(providers, deleter);
    }

    /** Creates a new stack's resources; true when the stack reached CREATE_COMPLETE. */
    boolean create(Stack stack, Stack.Config config) {
        StackEvents.stack(stack, StackStatus.CREATE_IN_PROGRESS, "User Initiated");
        StackContext ctx = context(stack, config);
        String failure = applier.apply(stack, ctx, Map.of(), new AppliedChanges(), true);
        if (failure == null) {
            try {
                List<Stack.Output> outputs = StackOutputs.resolve(ctx);
                exports.publish(stack, outputs);
                stack.settle(config, outputs, ctx.imported());
                StackEvents.stack(stack, StackStatus.CREATE_COMPLETE, null);
                return true;
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        if (config.disableRollback()) {
            stack.settle(config, List.of(), ctx.imported());
            StackEvents.stack(stack, StackStatus.CREATE_FAILED, failure);
            return false;
        }
        StackEvents.stack(stack, StackStatus.ROLLBACK_IN_PROGRESS, failure);
        stack.settle(config, List.of(), Set.of());
        boolean clean = deleter.deleteAll(stack, config.template(), stack.resourceMap());
        StackEvents.stack(stack, clean ? StackStatus.ROLLBACK_COMPLETE : StackStatus.ROLLBACK_FAILED, null);
        return false;
    }

    /** Moves a stack to a new configuration; true when it reached UPDATE_COMPLETE. */
    boolean update(Stack stack, Stack.Config config) {
        Stack.Config old = stack.config();
        List<Stack.Output> oldOutputs = stack.outputs();
        Map<String, StackResource> before = stack.resourceMap();
        StackEvents.stack(stack, StackStatus.UPDATE_IN_PROGRESS, "User Initiated");
        stack.pending(config, before.values());
        try {
            return updateTo(stack, config, old, oldOutputs, before);
        } finally {
            stack.pending(null);
        }
    }

    private boolean updateTo(Stack stack, Stack.Config config, Stack.Config old, List<Stack.Output> oldOutputs,
                             Map<String, StackResource> before) {
        StackContext ctx = context(stack, config);
        AppliedChanges touched = new AppliedChanges();
        String failure = applier.apply(stack, ctx, before, touched, false);
        List<Stack.Output> outputs = null;
        if (failure == null) {
            try {
                outputs = StackOutputs.resolve(ctx);
                exports.publish(stack, outputs);
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        if (failure == null) {
            stack.settle(config, outputs, ctx.imported());
            cleanUpAfterUpdate(stack, old, before, ctx, touched);
            StackEvents.stack(stack, StackStatus.UPDATE_COMPLETE, null);
            return true;
        }
        StackEvents.stack(stack, StackStatus.UPDATE_ROLLBACK_IN_PROGRESS, failure);
        rollback.rollBack(stack, before, touched);
        StackEvents.stack(stack, StackStatus.UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS, null);
        for (var e : touched.replaced.entrySet()) {
            StackResource made = stack.resource(e.getKey());
            if (made != null && !Objects.equals(made.physicalId(), e.getValue().physicalId())) {
                deleter.delete(stack, made);
            }
            stack.putResource(e.getValue().withStatus(ResourceStatus.UPDATE_COMPLETE, null));
        }
        stack.settle(old, oldOutputs, stack.imports());
        try {
            exports.publish(stack, oldOutputs);
        } catch (RuntimeException e) {
            LOG.warn("restoring exports of {}: {}", stack.name(), e.getMessage());
        }
        StackEvents.stack(stack, StackStatus.UPDATE_ROLLBACK_COMPLETE, null);
        return false;
    }

    /** Deletes what the update replaced, and the resources the new template no longer has. */
    private void cleanUpAfterUpdate(Stack stack, Stack.Config old, Map<String, StackResource> before,
                                    StackContext ctx, AppliedChanges touched) {
        StackEvents.stack(stack, StackStatus.UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, null);
        for (var e : touched.replaced.entrySet()) {
            deleter.delete(stack, e.getValue());
        }
        Map<String, StackResource> removed = new LinkedHashMap<>(before);
        removed.keySet().removeAll(TemplateAnalysis.analyze(ctx).resources().keySet());
        deleter.deleteAll(stack, old.template(), removed);
        removed.keySet().forEach(stack::removeResource);
    }

    /** Deletes every resource, dependents first; true when the stack reached DELETE_COMPLETE. */
    boolean delete(Stack stack, List<Stack> others) {
        StackEvents.stack(stack, StackStatus.DELETE_IN_PROGRESS, "User Initiated");
        for (Stack.Output o : stack.outputs()) {
            if (o.exportName() == null) {
                continue;
            }
            for (Stack other : others) {
                if (other != stack && !other.isDeleted() && other.imports().contains(o.exportName())) {
                    StackEvents.stack(stack, StackStatus.DELETE_FAILED, "Export " + o.exportName()
                            + " cannot be deleted as it is in use by " + other.name());
                    return false;
                }
            }
        }
        boolean clean = deleter.deleteAll(stack, stack.config().template(), stack.resourceMap());
        if (!clean) {
            List<String> failed = stack.resources().stream().filter(r -> r.status() == ResourceStatus.DELETE_FAILED)
                    .map(StackResource::logicalId).toList();
            StackEvents.stack(stack, StackStatus.DELETE_FAILED, "The following resource(s) failed to delete: " + failed + ". ");
            return false;
        }
        exports.release(stack);
        stack.clearChangeSets();
        StackEvents.stack(stack, StackStatus.DELETE_COMPLETE, null);
        return true;
    }

    /**
     * Ends an operation the local cloud was stopped in the middle of (its process killed), the way CloudFormation
     * ends one that fails: a create is rolled back (ROLLBACK_COMPLETE), an update is rolled back to the last
     * settled configuration (UPDATE_ROLLBACK_COMPLETE), an update already cleaning up completes, a delete goes on.
     * The stack's resources were brought back as saved before this runs; the stack was claimed by the caller.
     */
    void finishInterrupted(Stack stack, List<Stack> others) {
        String why = "The local cloud stopped during this operation; it was rolled back when the local cloud started again";
        switch (stack.status()) {
            case CREATE_IN_PROGRESS, ROLLBACK_IN_PROGRESS -> {
                StackEvents.stack(stack, StackStatus.ROLLBACK_IN_PROGRESS, why);
                stack.settle(stack.config(), List.of(), Set.of());
                boolean clean = deleter.deleteAll(stack, stack.config().template(), stack.resourceMap());
                StackEvents.stack(stack, clean ? StackStatus.ROLLBACK_COMPLETE : StackStatus.ROLLBACK_FAILED, null);
            }
            case UPDATE_IN_PROGRESS, UPDATE_ROLLBACK_IN_PROGRESS, UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS ->
                    rollBackInterruptedUpdate(stack, why);
            case UPDATE_COMPLETE_CLEANUP_IN_PROGRESS -> {
                Map<String, StackResource> extra = notIn(stack.config(), stack);
                deleter.deleteAll(stack, stack.config().template(), extra);
                extra.keySet().forEach(stack::removeResource);
                StackEvents.stack(stack, StackStatus.UPDATE_COMPLETE, null);
            }
            case DELETE_IN_PROGRESS -> delete(stack, others);
            default -> { }
        }
    }

    /** Applies the settled configuration over what the interrupted update left, then removes what it added. */
    private void rollBackInterruptedUpdate(Stack stack, String why) {
        Stack.Config old = stack.config();
        Stack.Config moving = stack.pending();
        StackEvents.stack(stack, StackStatus.UPDATE_ROLLBACK_IN_PROGRESS, why);
        StackContext ctx = context(stack, old);
        // the physical resources the update was replacing were brought back (StackRestorer): they take their place
        // again, and the ones the update had made instead go in the cleanup
        List<StackResource> madeByTheUpdate = new java.util.ArrayList<>();
        for (StackResource prior : StackRestorer.replacedBy(stack)) {
            madeByTheUpdate.add(stack.resource(prior.logicalId()));
            stack.putResource(prior.withStatus(ResourceStatus.UPDATE_COMPLETE, null));
        }
        AppliedChanges touched = new AppliedChanges();
        String failure = applier.apply(stack, ctx, stack.resourceMap(), touched, false);
        StackEvents.stack(stack, StackStatus.UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS, null);
        for (var e : touched.replaced.entrySet()) {
            deleter.delete(stack, e.getValue());
        }
        madeByTheUpdate.forEach(made -> deleter.delete(stack, made));
        Map<String, StackResource> added = notIn(old, stack);
        deleter.deleteAll(stack, moving == null ? null : moving.template(), added);
        added.keySet().forEach(stack::removeResource);
        stack.pending(null);
        try {
            exports.publish(stack, stack.outputs());
        } catch (RuntimeException e) {
            LOG.warn("restoring exports of {}: {}", stack.name(), e.getMessage());
        }
        StackEvents.stack(stack, failure == null ? StackStatus.UPDATE_ROLLBACK_COMPLETE
                : StackStatus.UPDATE_ROLLBACK_FAILED, failure);
    }

    /** The stack's resources that the configuration's template does not have. */
    private Map<String, StackResource> notIn(Stack.Config config, Stack stack) {
        Map<String, StackResource> extra = new LinkedHashMap<>(stack.resourceMap());
        extra.keySet().removeAll(TemplateAnalysis.analyze(context(stack, config)).resources().keySet());
        return extra;
    }

    private StackContext context(Stack stack, Stack.Config config) {
        return new StackContext(config.template(), config.parameters(), stack.region(), stack.accountId(),
                stack.name(), stack.id(), exports::value);
    }
}
