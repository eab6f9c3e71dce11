package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.provider.ProviderRegistry;
import dev.meshwalk.localcloud.provider.Provisioned;
import dev.meshwalk.localcloud.provider.ResourceProvider;
import dev.meshwalk.localcloud.provider.ResourceRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a saved stack back to life: its resources are replayed through their providers with the physical ids and
 * attributes they had, in dependency order, so the data plane starts the tasks, load balancers, DNS records and
 * proxies again (at the same addresses where they are free); its exports are published again; and an operation the
 * previous local cloud was killed in the middle of is ended as CloudFormation would end it
 * ({@link StackRunner#finishInterrupted}).
 */
final class StackRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(StackRestorer.class);

    private final ProviderRegistry providers;
    private final StackInputs inputs;
    private final Exports exports;
    private final StackRunner runner;

    StackRestorer(ProviderRegistry providers, StackInputs inputs, Exports exports, StackRunner runner) {
        this.providers = providers;
        this.inputs = inputs;
        this.exports = exports;
        this.runner = runner;
    }

    /** Restores one live stack (already in the table); returns what could not be brought back, for the log. */
    List<String> restore(Stack stack, List<Stack> all) {
        List<String> problems = new ArrayList<>();
        if (stack.isDeleted()) {
            return problems;
        }
        Map<String, StackResource> resources = stack.resourceMap();
        for (StackResource r : resources.values()) {
            if (r.physicalId() == null || r.status() == ResourceStatus.DELETE_COMPLETE) {
                stack.removeResource(r.logicalId()); // never made, or already gone: nothing runs for it
            }
        }
        Map<String, StackResource> replaced = new LinkedHashMap<>();
        replacedBy(stack).forEach(r -> replaced.put(r.logicalId(), r));
        for (String id : order(stack)) {
            if (replaced.containsKey(id)) {
                restore(stack, replaced.get(id), problems); // the old one first: what still uses it needs it
            }
            restore(stack, stack.resource(id), problems);
        }
        if (stack.status().isUpdatable()) {
            try {
                exports.publish(stack, stack.outputs());
            } catch (RuntimeException e) {
                problems.add(stack.name() + " exports: " + e.getMessage());
            }
        }
        if (stack.tryBegin()) {
            try {
                runner.finishInterrupted(stack, all);
            } catch (RuntimeException e) {
                LOG.warn("ending the interrupted operation of {} failed", stack.name(), e);
                StackEvents.stack(stack, stack.status().afterInternalFailure(), e.getMessage());
            } finally {
                stack.end();
            }
        }
        problems.forEach(p -> LOG.warn("not restored: {}", p));
        return problems;
    }

    private void restore(Stack stack, StackResource r, List<String> problems) {
        ResourceProvider provider = providers.find(r.type()).orElse(null);
        if (provider == null) {
            return;
        }
        try {
            provider.restore(new ResourceRequest(stack.name(), stack.id(), r.logicalId(), r.type(), r.properties(),
                    stack.region(), stack.accountId()), new Provisioned(r.physicalId(), r.attributes()));
        } catch (RuntimeException e) {
            problems.add(stack.name() + "/" + r.logicalId() + " (" + r.type() + "): " + e.getMessage());
        }
    }

    /**
     * The resources an interrupted update was replacing, as they were before it: the stack's resource now has
     * another physical id, and the old physical resource still exists (CloudFormation deletes it only in the
     * update's cleanup), so a restart brings both back and the rollback puts the old one back in place.
     */
    static List<StackResource> replacedBy(Stack stack) {
        List<StackResource> replaced = new ArrayList<>();
        if (stack.pending() == null) {
            return replaced;
        }
        for (StackResource prior : stack.resourcesBeforePending()) {
            StackResource now = stack.resource(prior.logicalId());
            if (prior.physicalId() != null && now != null && now.physicalId() != null
                    && !now.physicalId().equals(prior.physicalId())) {
                replaced.add(prior);
            }
        }
        return replaced;
    }

    /**
     * Dependencies first, by the template's graph (the settled template, then the one an interrupted update was
     * moving to); resources neither knows come last, in the order they were saved.
     */
    private List<String> order(Stack stack) {
        List<String> order = new ArrayList<>();
        Map<String, StackResource> left = new LinkedHashMap<>(stack.resourceMap());
        for (Stack.Config config : configs(stack)) {
            try {
                for (String id : TemplateAnalysis.analyze(inputs.context(stack, config.template(), config.parameters()))
                        .graph().order()) {
                    if (left.remove(id) != null) {
                        order.add(id);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("no dependency order for {}: {}", stack.name(), e.getMessage());
            }
        }
        order.addAll(left.keySet());
        return order;
    }

    private static List<Stack.Config> configs(Stack stack) {
        List<Stack.Config> configs = new ArrayList<>();
        configs.add(stack.config());
        if (stack.pending() != null) {
            configs.add(stack.pending());
        }
        return configs;
    }
}
