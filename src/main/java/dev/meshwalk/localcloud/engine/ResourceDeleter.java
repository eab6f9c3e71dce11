package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.Template.ResourceDecl;
import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.ProvisionException;
import dev.meshwalk.localcloud.provider.Provisioned;
import dev.meshwalk.localcloud.provider.ResourceRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Deletes a stack's resources through their providers, recording DELETE_IN_PROGRESS, DELETE_COMPLETE or
 * DELETE_FAILED as it goes. Many at once: dependents before what they depend on (the template's references and
 * {@code DependsOn}), independent ones in parallel.
 */
final class ResourceDeleter {

    private final ProviderRegistry providers;
    private final DagRunner dag;

    ResourceDeleter(ProviderRegistry providers, DagRunner dag) {
        this.providers = providers;
        this.dag = dag;
    }

    /** Deletes the given resources, dependents before what they depend on; true when all are gone. */
    boolean deleteAll(Stack stack, Template template, Map<String, StackResource> resources) {
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
                    if (!delete(stack, stack.resource(id))) {
                        throw new ProvisionException("delete failed");
                    }
                }, () -> false);
        return result.ok();
    }

    /** Deletes one resource with its events; false (and a DELETE_FAILED event) when the provider refused. */
    boolean delete(Stack stack, StackResource r) {
        if (r == null || r.physicalId() == null || r.status() == ResourceStatus.DELETE_COMPLETE) {
            if (r != null && r.status() != ResourceStatus.DELETE_COMPLETE) {
                stack.putResource(r.withStatus(ResourceStatus.DELETE_COMPLETE, null));
            }
            return true;
        }
        StackEvents.resource(stack, r.logicalId(), r.physicalId(), r.type(), ResourceStatus.DELETE_IN_PROGRESS, null, null);
        try {
            providers.find(r.type()).ifPresent(p -> p.delete(new ResourceRequest(stack.name(), stack.id(), r.logicalId(),
                    r.type(), r.properties(), stack.region(), stack.accountId()), new Provisioned(r.physicalId(), r.attributes())));
        } catch (RuntimeException e) {
            StackEvents.resource(stack, r.logicalId(), r.physicalId(), r.type(), ResourceStatus.DELETE_FAILED, e.getMessage(), null);
            markIfStillThere(stack, r, ResourceStatus.DELETE_FAILED, e.getMessage());
            return false;
        }
        StackEvents.resource(stack, r.logicalId(), r.physicalId(), r.type(), ResourceStatus.DELETE_COMPLETE, null, null);
        markIfStillThere(stack, r, ResourceStatus.DELETE_COMPLETE, null);
        return true;
    }

    /** Sets the status of the stack's resource unless a replacement with another physical id took its place. */
    private static void markIfStillThere(Stack stack, StackResource r, ResourceStatus status, String reason) {
        StackResource current = stack.resource(r.logicalId());
        if (current != null && Objects.equals(current.physicalId(), r.physicalId())) {
            stack.putResource(current.withStatus(status, reason));
        }
    }
}
