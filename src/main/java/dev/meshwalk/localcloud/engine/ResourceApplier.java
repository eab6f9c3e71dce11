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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a template's resources into being through their providers, in dependency order with independent
 * resources in parallel: creates new ones, updates changed ones in place, or replaces them (create the new one
 * now, delete the old one in the cleanup) when a changed property requires it. Each resource's properties are
 * resolved just before it is made, against what the resources it depends on have become. Every step is an event.
 */
final class ResourceApplier {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceApplier.class);

    private final ProviderRegistry providers;
    private final ResourceSchemas schemas;
    private final DagRunner dag;

    ResourceApplier(ProviderRegistry providers, ResourceSchemas schemas, DagRunner dag) {
        this.providers = providers;
        this.schemas = schemas;
        this.dag = dag;
    }

    /** Creates and updates the new template's resources; returns the stack failure reason, or null. */
    String apply(Stack stack, StackContext ctx, Map<String, StackResource> before, AppliedChanges touched,
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
                        throw new ProvisionException(TemplateAnalysis.attributeNotProvided(id,
                                r == null ? "" : r.type(), attribute));
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
                          Map<String, StackResource> live, AppliedChanges touched) {
        String id = decl.logicalId();
        String type = decl.type();
        boolean creating = old == null;
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
            StackEvents.resource(stack, id, old == null ? null : old.physicalId(), type,
                    creating ? ResourceStatus.CREATE_FAILED : ResourceStatus.UPDATE_FAILED, e.getMessage(), null);
            if (creating) {
                stack.putResource(new StackResource(id, type, null, Map.of(), Map.of(), ResourceStatus.CREATE_FAILED, e.getMessage(), Instant.now()));
                touched.added.add(id);
                touched.order.add(id);
            }
            throw e;
        }
        ResourceRequest request = new ResourceRequest(stack.name(), stack.id(), id, type, props, stack.region(), stack.accountId());
        if (creating) {
            create(stack, id, type, props, provider, request, live, touched);
        } else {
            update(stack, id, type, props, old, provider, request, live, touched);
        }
    }

    private void create(Stack stack, String id, String type, Map<String, Object> props, ResourceProvider provider,
                        ResourceRequest request, Map<String, StackResource> live, AppliedChanges touched) {
        StackEvents.resource(stack, id, null, type, ResourceStatus.CREATE_IN_PROGRESS, null, props);
        stack.putResource(new StackResource(id, type, null, Map.of(), props, ResourceStatus.CREATE_IN_PROGRESS, null, Instant.now()));
        touched.added.add(id);
        touched.order.add(id);
        Provisioned made = provision(stack, id, type, ResourceStatus.CREATE_FAILED, null, () -> provider.create(request));
        StackEvents.resource(stack, id, made.physicalId(), type, ResourceStatus.CREATE_IN_PROGRESS, "Resource creation Initiated", props);
        StackResource r = new StackResource(id, type, made.physicalId(), made.attributes(), props, ResourceStatus.CREATE_COMPLETE, null, Instant.now());
        stack.putResource(r);
        live.put(id, r);
        StackEvents.resource(stack, id, made.physicalId(), type, ResourceStatus.CREATE_COMPLETE, null, null);
    }

    private void update(Stack stack, String id, String type, Map<String, Object> props, StackResource old,
                        ResourceProvider provider, ResourceRequest request, Map<String, StackResource> live,
                        AppliedChanges touched) {
        Set<String> changed = changedProperties(old.properties(), props);
        if (changed.isEmpty()) {
            return;
        }
        touched.order.add(id);
        Provisioned current = new Provisioned(old.physicalId(), old.attributes());
        Provisioned made;
        if (schemas.replacement(type, old.properties(), props, changed) == Replacement.TRUE) {
            touched.replaced.put(id, old);
            StackEvents.resource(stack, id, old.physicalId(), type, ResourceStatus.UPDATE_IN_PROGRESS,
                    "Requested update requires the creation of a new physical resource; hence creating one.", props);
            made = provision(stack, id, type, ResourceStatus.UPDATE_FAILED, old.physicalId(), () -> {
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
            StackEvents.resource(stack, id, made.physicalId(), type, ResourceStatus.UPDATE_IN_PROGRESS, "Resource creation Initiated", props);
        } else {
            touched.updated.put(id, old);
            StackEvents.resource(stack, id, old.physicalId(), type, ResourceStatus.UPDATE_IN_PROGRESS, null, props);
            made = provision(stack, id, type, ResourceStatus.UPDATE_FAILED, old.physicalId(), () -> provider.update(request, current));
        }
        StackResource r = new StackResource(id, type, made.physicalId(), made.attributes(), props, ResourceStatus.UPDATE_COMPLETE, null, Instant.now());
        stack.putResource(r);
        live.put(id, r);
        StackEvents.resource(stack, id, made.physicalId(), type, ResourceStatus.UPDATE_COMPLETE, null, null);
    }

    /** Runs the provider call; on failure records {@code failed} (event, and the resource's status on a create). */
    private Provisioned provision(Stack stack, String id, String type, ResourceStatus failed, String physicalId,
                                  Supplier<Provisioned> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (!(e instanceof ProvisionException)) {
                LOG.warn("provider failed on {} ({})", id, type, e);
            }
            StackEvents.resource(stack, id, physicalId, type, failed, reason, null);
            StackResource prior = stack.resource(id);
            if (prior != null && failed == ResourceStatus.CREATE_FAILED) {
                stack.putResource(prior.withStatus(ResourceStatus.CREATE_FAILED, reason));
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
}
