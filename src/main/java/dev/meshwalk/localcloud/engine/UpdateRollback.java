package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.Provisioned;
import dev.meshwalk.localcloud.provider.ResourceProvider;
import dev.meshwalk.localcloud.provider.ResourceRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Puts back what a failed update changed, newest change first: resources it added are deleted, resources it
 * updated in place are updated back to their old properties, and replaced ones get their old record back (the
 * new physical resource is deleted in the cleanup that follows).
 */
final class UpdateRollback {

    private final ProviderRegistry providers;
    private final ResourceDeleter deleter;

    UpdateRollback(ProviderRegistry providers, ResourceDeleter deleter) {
        this.providers = providers;
        this.deleter = deleter;
    }

    void rollBack(Stack stack, Map<String, StackResource> before, AppliedChanges touched) {
        List<String> order = new ArrayList<>(touched.order);
        Collections.reverse(order);
        for (String id : order) {
            StackResource now = stack.resource(id);
            if (touched.added.contains(id)) {
                if (now != null && now.physicalId() != null) {
                    deleter.delete(stack, now);
                }
                stack.removeResource(id);
            } else if (touched.updated.containsKey(id)) {
                updateBack(stack, id, touched.updated.get(id), now);
            } else if (touched.replaced.containsKey(id)) {
                StackResource prior = touched.replaced.get(id);
                StackEvents.resource(stack, id, prior.physicalId(), prior.type(), ResourceStatus.UPDATE_COMPLETE, null, null);
            }
        }
        for (var e : before.entrySet()) {
            if (stack.resource(e.getKey()) == null) {
                stack.putResource(e.getValue());
            }
        }
    }

    private void updateBack(Stack stack, String id, StackResource prior, StackResource now) {
        ResourceProvider provider = providers.find(prior.type()).orElse(null);
        StackEvents.resource(stack, id, prior.physicalId(), prior.type(), ResourceStatus.UPDATE_IN_PROGRESS, null, prior.properties());
        try {
            if (provider != null && now != null) {
                provider.update(new ResourceRequest(stack.name(), stack.id(), id, prior.type(), prior.properties(),
                        stack.region(), stack.accountId()), new Provisioned(now.physicalId(), now.attributes()));
            }
            stack.putResource(prior.withStatus(ResourceStatus.UPDATE_COMPLETE, null));
            StackEvents.resource(stack, id, prior.physicalId(), prior.type(), ResourceStatus.UPDATE_COMPLETE, null, null);
        } catch (RuntimeException e) {
            stack.putResource(prior.withStatus(ResourceStatus.UPDATE_FAILED, e.getMessage()));
            StackEvents.resource(stack, id, prior.physicalId(), prior.type(), ResourceStatus.UPDATE_FAILED, e.getMessage(), null);
        }
    }
}
