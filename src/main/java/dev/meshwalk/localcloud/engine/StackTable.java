package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.dataplane.AwsIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every stack of one local-cloud process, deleted ones included, by stack id. A name finds only a live stack (a
 * new stack may reuse a deleted one's name); an id finds any. Callers that check-then-add hold {@link #lock()}.
 */
final class StackTable {

    private final Map<String, Stack> stacks = new LinkedHashMap<>();
    private volatile Runnable onChange = () -> { };

    /** Told after a stack is added and after every change of any stack in the table (the state writer). */
    void onChange(Runnable listener) {
        this.onChange = listener;
        all().forEach(s -> s.onChange(listener));
    }

    /** The monitor that guards the table, for a find-then-add that must not interleave with another. */
    Object lock() {
        return stacks;
    }

    /** The stack a name (live stacks only) or stack ARN (deleted ones too) points at, or null. */
    Stack find(String nameOrId) {
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

    /** Oldest first. */
    List<Stack> all() {
        synchronized (stacks) {
            return new ArrayList<>(stacks.values());
        }
    }

    void add(Stack stack) {
        synchronized (stacks) {
            stacks.put(stack.id(), stack);
        }
        stack.onChange(onChange);
        onChange.run();
    }

    /** A stack for the request with a fresh stack ARN; not in the table until {@link #add}. */
    static Stack newStack(StackRequest req, StackStatus status, Stack.Config config) {
        String id = AwsIds.arn("cloudformation", req.region(), req.accountId(),
                "stack/" + req.stackName() + "/" + AwsIds.uuid());
        return new Stack(id, req.stackName(), req.region(), req.accountId(), status, config);
    }
}
