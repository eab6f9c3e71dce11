package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.Template.ResourceDecl;
import dev.meshwalk.localcloud.engine.schema.Replacement;
import dev.meshwalk.localcloud.engine.schema.ResourceSchemas;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.Provisioned;
import dev.meshwalk.localcloud.provider.ResourceProvider;
import dev.meshwalk.localcloud.provider.ResourceRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out create, update and delete on one stack, recording every step as an event while it happens:
 * resources in dependency order (independent ones in parallel), replacement by create-then-delete, cleanup
 * of replaced and removed resources after a successful update, and rollback after a failed one.
 * Runs on an engine operation thread; the stack was claimed for it by the caller.
 */
final class StackRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StackRunner.class);

    private final ProviderRegistry providers;
    private final ResourceSchemas schemas;
    private final DagRunner dag;
    private final Exports exports;

    StackRunner(ProviderRegistry providers, ResourceSchemas schemas, DagRunner dag, Exports exports) {
        this.providers = providers;
        this.schemas = schemas;
        this.dag = dag;
        this.exports = exports;
    }

    /** What an apply touched, so a rollback can undo exactly that. */
    private static final class Touched {
        final Set<String> added = Collections.synchronizedSet(new LinkedHashSet<>());
        final Map<String, StackResource> replaced = new ConcurrentHashMap<>();
        final Map<String, StackResource> updated = new ConcurrentHashMap<>();
        final List<String> order = Collections.synchronizedList(new ArrayList<>());
    }

    /** Creates a new stack's resources; true when the stack reached CREATE_COMPLETE. */
    boolean create(Stack stack, Stack.Config config) {
        StackEvents.stack(stack, "CREATE_IN_PROGRESS", "User Initiated");
        StackContext ctx = context(stack, config);
        Touched touched = new Touched();
        String failure = apply(stack, ctx, Map.of(), touched, true);
        if (failure == null) {
            try {
                List<Stack.Output> outputs = outputs(ctx);
                exports.publish(stack, outputs);
                stack.settle(config, outputs, ctx.imported());
                StackEvents.stack(stack, "CREATE_COMPLETE", null);
                return true;
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        if (config.disableRollback()) {
            stack.settle(config, List.of(), ctx.imported());
            StackEvents.stack(stack, "CREATE_FAILED", failure);
            return false;
        }
        StackEvents.stack(stack, "ROLLBACK_IN_PROGRESS", failure);
        stack.settle(config, List.of(), Set.of());
        boolean clean = deleteAll(stack, config.template(), stack.resourceMap());
        StackEvents.stack(stack, clean ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED", null);
        return false;
    }

    /** Moves a stack to a new configuration; true when it reached UPDATE_COMPLETE. */
    boolean update(Stack stack, Stack.Config config) {
        Stack.Config old = stack.config();
        List<Stack.Output> oldOutputs = stack.outputs();
        Map<String, StackResource> before = stack.resourceMap();
        StackEvents.stack(stack, "UPDATE_IN_PROGRESS", "User Initiated");
        StackContext ctx = context(stack, config);
        Touched touched = new Touched();
        String failure = apply(stack, ctx, before, touched, false);
        List<Stack.Output> outputs = null;
        if (failure == null) {
            try {
                outputs = outputs(ctx);
                exports.publish(stack, outputs);
            } catch (RuntimeException e) {
                failure = e.getMessage();
            }
        }
        if (failure == null) {
            stack.settle(config, outputs, ctx.imported());
            StackEvents.stack(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS", null);
            for (var e : touched.replaced.entrySet()) {
                deleteQuietly(stack, e.getValue());
            }
            Map<String, StackResource> removed = new LinkedHashMap<>(before);
            removed.keySet().removeAll(TemplateAnalysis.analyze(ctx).resources().keySet());
            deleteAll(stack, old.template(), removed);
            removed.keySet().forEach(stack::removeResource);
            StackEvents.stack(stack, "UPDATE_COMPLETE", null);
            return true;
        }
        StackEvents.stack(stack, "UPDATE_ROLLBACK_IN_PROGRESS", failure);
        rollbackUpdate(stack, old, before, touched);
        StackEvents.stack(stack, "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", null);
        for (var e : touched.replaced.entrySet()) {
            StackResource made = stack.resource(e.getKey());
            if (made != null && !Objects.equals(made.physicalId(), e.getValue().physicalId())) {
                deleteQuietly(stack, made);
            }
            stack.putResource(e.getValue().withStatus("UPDATE_COMPLETE", null));
        }
        stack.settle(old, oldOutputs, stack.imports());
        try {
            exports.publish(stack, oldOutputs);
        } catch (RuntimeException e) {
            LOG.warn("restoring exports of {}: {}", stack.name(), e.getMessage());
        }
        StackEvents.stack(stack, "UPDATE_ROLLBACK_COMPLETE", null);
        return false;
    }

    /** Deletes every resource, dependents first; true when the stack reached DELETE_COMPLETE. */
    boolean delete(Stack stack, List<Stack> others) {
        StackEvents.stack(stack, "DELETE_IN_PROGRESS", "User Initiated");
        for (Stack.Output o : stack.outputs()) {
            if (o.exportName() == null) {
                continue;
            }
            for (Stack other : others) {
                if (other != stack && !other.isDeleted() && other.imports().contains(o.exportName())) {
                    StackEvents.stack(stack, "DELETE_FAILED", "Export " + o.exportName()
                            + " cannot be deleted as it is in use by " + other.name());
                    return false;
                }
            }
        }
        boolean clean = deleteAll(stack, stack.config().template(), stack.resourceMap());
        if (!clean) {
            List<String> failed = stack.resources().stream().filter(r -> r.status().equals("DELETE_FAILED"))
                    .map(StackResource::logicalId).toList();
            StackEvents.stack(stack, "DELETE_FAILED", "The following resource(s) failed to delete: " + failed + ". ");
            return false;
        }
        exports.release(stack);
        stack.clearChangeSets();
        StackEvents.stack(stack, "DELETE_COMPLETE", null);
        return true;
    }

    private StackContext context(Stack stack, Stack.Config config) {
        return new StackContext(config.template(), config.parameters(), stack.region(), stack.accountId(),
                stack.name(), stack.id(), exports::value);
    }

    /** Creates and updates the new template's resources; returns the stack failure reason, or null. */
    private String apply(Stack stack, StackContext ctx, Map<String, StackResource> before, Touched touched,
                         boolean creating) {
        Map<String, StackResource> live = new ConcurrentHashMap<>(before);
        TemplateAnalysis analysis;
        try {
            ctx.withValues(new StackContext.Values() {
                @Override
                public Object ref(String id) {
                    if (!ctx.template().resources().containsKey(id)) {
                        return null;
                    }
                    StackResource r = live.get(id);
                    return r == null ? Unknown.VALUE : r.physicalId();
                }

                @Override
                public Object getAtt(String id, String attribute) {
                    StackResource r = live.get(id);
                    Object v = r == null ? null : r.attributes().get(attribute);
                    if (v == null) {
                        throw new ProvisionException(TemplateAnalysis.attributeNotProvided(id, r == null ? "" : r.type(), attribute));
                    }
                    return v;
                }
            });
            analysis = TemplateAnalysis.analyze(ctx);
        } catch (CfnException e) {
            return e.getMessage();
        }
        Map<String, Set<String>> deps = new LinkedHashMap<>();
        analysis.graph().nodes().forEach(n -> deps.put(n, analysis.graph().dependenciesOf(n)));
        DagRunner.Result result = dag.run(analysis.graph().order(), deps,
                id -> applyOne(stack, ctx, analysis.resources().get(id), before.get(id), live, touched),
                stack::cancelRequested);
        if (result.ok()) {
            return null;
        }
        if (result.cancelled() && result.failed().isEmpty()) {
            return "Resource update cancelled";
        }
        List<String> failed = new ArrayList<>(result.failed().keySet());
        return "The following resource(s) failed to " + (creating ? "create" : "update") + ": " + failed + ". ";
    }

    private void applyOne(Stack stack, StackContext ctx, ResourceDecl decl, StackResource old,
                          Map<String, StackResource> live, Touched touched) {
        String id = decl.logicalId();
        String type = decl.type();
        boolean creating = old == null;
        String prefix = creating ? "CREATE" : "UPDATE";
        Map<String, Object> props;
        ResourceProvider provider;
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> resolved = (Map<String, Object>) ctx.intrinsics()
                    .resolve(decl.properties(), "Resources." + id + ".Properties");
            props = resolved == null ? Map.of() : resolved;
            provider = providers.find(type).orElseThrow(() -> new ProvisionException(
                    "Resource type " + type + " is not supported by the local cloud"));
            schemas.propertyFailure(id, type, props).ifPresent(reason -> {
                throw new ProvisionException(reason);
            });
        } catch (RuntimeException e) {
            StackEvents.resource(stack, id, old == null ? null : old.physicalId(), type, prefix + "_FAILED", e.getMessage(), null);
            if (creating) {
                stack.putResource(new StackResource(id, type, null, Map.of(), Map.of(), "CREATE_FAILED", e.getMessage(), Instant.now()));
                touched.added.add(id);
                touched.order.add(id);
            }
            throw e;
        }
        ResourceRequest request = new ResourceRequest(stack.name(), stack.id(), id, type, props, stack.region(), stack.accountId());
        if (creating) {
            StackEvents.resource(stack, id, null, type, "CREATE_IN_PROGRESS", null, props);
            stack.putResource(new StackResource(id, type, null, Map.of(), props, "CREATE_IN_PROGRESS", null, Instant.now()));
            touched.added.add(id);
            touched.order.add(id);
            Provisioned made = provision(stack, id, type, "CREATE", null, () -> provider.create(request));
            StackEvents.resource(stack, id, made.physicalId(), type, "CREATE_IN_PROGRESS", "Resource creation Initiated", props);
            StackResource r = new StackResource(id, type, made.physicalId(), made.attributes(), props, "CREATE_COMPLETE", null, Instant.now());
            stack.putResource(r);
            live.put(id, r);
            StackEvents.resource(stack, id, made.physicalId(), type, "CREATE_COMPLETE", null, null);
            return;
        }
        Set<String> changed = changedProperties(old.properties(), props);
        if (changed.isEmpty()) {
            return;
        }
        touched.order.add(id);
        Provisioned current = new Provisioned(old.physicalId(), old.attributes());
        Provisioned made;
        if (schemas.replacement(type, old.properties(), props, changed) == Replacement.TRUE) {
            touched.replaced.put(id, old);
            StackEvents.resource(stack, id, old.physicalId(), type, "UPDATE_IN_PROGRESS",
                    "Requested update requires the creation of a new physical resource; hence creating one.", props);
            made = provision(stack, id, type, "UPDATE", old.physicalId(), () -> {
                try {
                    return provider.create(request);
                } catch (ProvisionException e) {
                    if (e.getMessage() != null && e.getMessage().startsWith(old.physicalId() + " already exists")) {
                        throw new ProvisionException("CloudFormation cannot update a stack when a custom-named resource "
                                + "requires replacing. Rename " + old.physicalId() + " and update the stack again.");
                    }
                    throw e;
                }
            });
            StackEvents.resource(stack, id, made.physicalId(), type, "UPDATE_IN_PROGRESS", "Resource creation Initiated", props);
        } else {
            touched.updated.put(id, old);
            StackEvents.resource(stack, id, old.physicalId(), type, "UPDATE_IN_PROGRESS", null, props);
            made = provision(stack, id, type, "UPDATE", old.physicalId(), () -> provider.update(request, current));
        }
        StackResource r = new StackResource(id, type, made.physicalId(), made.attributes(), props, "UPDATE_COMPLETE", null, Instant.now());
        stack.putResource(r);
        live.put(id, r);
        StackEvents.resource(stack, id, made.physicalId(), type, "UPDATE_COMPLETE", null, null);
    }

    private Provisioned provision(Stack stack, String id, String type, String prefix, String physicalId,
                                  java.util.function.Supplier<Provisioned> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!(e instanceof ProvisionException)) {
                LOG.warn("provider failed on {} ({})", id, type, e);
            }
            StackEvents.resource(stack, id, physicalId, type, prefix + "_FAILED", reason, null);
            StackResource prior = stack.resource(id);
            if (prior != null && prefix.equals("CREATE")) {
                stack.putResource(prior.withStatus("CREATE_FAILED", reason));
            }
            throw new ProvisionException(reason, e);
        }
    }

    static Set<String> changedProperties(Map<String, Object> before, Map<String, Object> after) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        Set<String> changed = new LinkedHashSet<>();
        for (String n : names) {
            if (!Objects.equals(Intrinsics.canonical(before.get(n)), Intrinsics.canonical(after.get(n)))) {
                changed.add(n);
            }
        }
        return changed;
    }

    /** Puts back what a failed update changed, newest change first. */
    private void rollbackUpdate(Stack stack, Stack.Config old, Map<String, StackResource> before, Touched touched) {
        List<String> order = new ArrayList<>(touched.order);
        Collections.reverse(order);
        for (String id : order) {
            StackResource now = stack.resource(id);
            if (touched.added.contains(id)) {
                if (now != null && now.physicalId() != null) {
                    deleteQuietly(stack, now);
                }
                stack.removeResource(id);
            } else if (touched.updated.containsKey(id)) {
                StackResource prior = touched.updated.get(id);
                ResourceProvider provider = providers.find(prior.type()).orElse(null);
                StackEvents.resource(stack, id, prior.physicalId(), prior.type(), "UPDATE_IN_PROGRESS", null, prior.properties());
                try {
                    if (provider != null && now != null) {
                        provider.update(new ResourceRequest(stack.name(), stack.id(), id, prior.type(), prior.properties(),
                                stack.region(), stack.accountId()), new Provisioned(now.physicalId(), now.attributes()));
                    }
                    stack.putResource(prior.withStatus("UPDATE_COMPLETE", null));
                    StackEvents.resource(stack, id, prior.physicalId(), prior.type(), "UPDATE_COMPLETE", null, null);
                } catch (RuntimeException e) {
                    stack.putResource(prior.withStatus("UPDATE_FAILED", e.getMessage()));
                    StackEvents.resource(stack, id, prior.physicalId(), prior.type(), "UPDATE_FAILED", e.getMessage(), null);
                }
            } else if (touched.replaced.containsKey(id)) {
                StackResource prior = touched.replaced.get(id);
                StackEvents.resource(stack, id, prior.physicalId(), prior.type(), "UPDATE_COMPLETE", null, null);
            }
        }
        for (var e : before.entrySet()) {
            if (stack.resource(e.getKey()) == null) {
                stack.putResource(e.getValue());
            }
        }
    }

    /** Deletes the given resources, dependents before what they depend on; true when all are gone. */
    private boolean deleteAll(Stack stack, Template template, Map<String, StackResource> resources) {
        Map<String, Set<String>> dependents = new LinkedHashMap<>();
        for (String id : resources.keySet()) {
            dependents.put(id, new LinkedHashSet<>());
        }
        for (String id : resources.keySet()) {
            ResourceDecl decl = template == null ? null : template.resources().get(id);
            if (decl == null) {
                continue;
            }
            Set<String> uses = new LinkedHashSet<>(References.of(decl.properties()));
            uses.addAll(decl.dependsOn());
            for (String u : uses) {
                if (dependents.containsKey(u) && !u.equals(id)) {
                    dependents.get(u).add(id);
                }
            }
        }
        DagRunner.Result result = dag.run(new ArrayList<>(resources.keySet()), dependents,
                id -> {
                    if (!deleteQuietly(stack, stack.resource(id))) {
                        throw new ProvisionException("delete failed");
                    }
                }, () -> false);
        return result.ok();
    }

    /** Deletes one resource with its events; false (and a DELETE_FAILED event) when the provider refused. */
    private boolean deleteQuietly(Stack stack, StackResource r) {
        if (r == null || r.physicalId() == null || r.status().equals("DELETE_COMPLETE")) {
            if (r != null && !"DELETE_COMPLETE".equals(r.status())) {
                stack.putResource(r.withStatus("DELETE_COMPLETE", null));
            }
            return true;
        }
        StackEvents.resource(stack, r.logicalId(), r.physicalId(), r.type(), "DELETE_IN_PROGRESS", null, null);
        try {
            providers.find(r.type()).ifPresent(p -> p.delete(new ResourceRequest(stack.name(), stack.id(), r.logicalId(),
                    r.type(), r.properties(), stack.region(), stack.accountId()), new Provisioned(r.physicalId(), r.attributes())));
        } catch (RuntimeException e) {
            StackEvents.resource(stack, r.logicalId(), r.physicalId(), r.type(), "DELETE_FAILED", e.getMessage(), null);
            StackResource current = stack.resource(r.logicalId());
            if (current != null && Objects.equals(current.physicalId(), r.physicalId())) {
                stack.putResource(current.withStatus("DELETE_FAILED", e.getMessage()));
            }
            return false;
        }
        StackEvents.resource(stack, r.logicalId(), r.physicalId(), r.type(), "DELETE_COMPLETE", null, null);
        StackResource current = stack.resource(r.logicalId());
        if (current != null && Objects.equals(current.physicalId(), r.physicalId())) {
            stack.putResource(current.withStatus("DELETE_COMPLETE", null));
        }
        return true;
    }

    /** Resolves the Outputs section (Conditions honoured) to text. */
    static List<Stack.Output> outputs(StackContext ctx) {
        List<Stack.Output> out = new ArrayList<>();
        for (var e : ctx.template().outputs().entrySet()) {
            String where = "Outputs." + e.getKey();
            Map<String, Object> o = TemplateParser.asMap(e.getValue(), where);
            if (o.get("Condition") != null && !ctx.condition(String.valueOf(o.get("Condition")))) {
                continue;
            }
            if (!o.containsKey("Value")) {
                throw CfnException.templateFormat(where + ": every Outputs member must contain a Value object");
            }
            Object value = ctx.intrinsics().resolve(o.get("Value"), where + ".Value");
            String exportName = null;
            if (o.get("Export") instanceof Map<?, ?> export) {
                @SuppressWarnings("unchecked")
                Object name = ctx.intrinsics().resolve(((Map<String, Object>) export).get("Name"), where + ".Export.Name");
                exportName = name == null ? null : String.valueOf(name);
            }
            Object description = o.get("Description");
            out.add(new Stack.Output(e.getKey(), text(value), description == null ? null : description.toString(), exportName));
        }
        return out;
    }

    private static String text(Object v) {
        if (v instanceof List<?> l) {
            return String.join(",", l.stream().map(String::valueOf).toList());
        }
        return v == null ? "" : String.valueOf(v);
    }
}
