package dev.meshwalk.core;

import java.util.List;
import java.util.Map;

/**
 * A change set CloudFormation computed for a deploy and that waits for the learner's yes: what it does to each
 * resource, and the parameters it was computed with (executing it needs nothing else).
 *
 * @param stackName  the stack it changes
 * @param id         CloudFormation's change set id
 * @param create     whether it creates the stack (else updates it)
 * @param parameters the stack parameters it was computed with
 * @param before     the values the stack ran before (empty for a creation): the preview shows what changes
 */
public record ChangeSet(String stackName, String id, boolean create, List<Change> changes, Map<String, String> parameters,
        Map<String, String> before) {

    public ChangeSet {
        changes = List.copyOf(changes);
        parameters = Map.copyOf(parameters);
        before = Map.copyOf(before);
    }

    public ChangeSet(String stackName, String id, boolean create, List<Change> changes, Map<String, String> parameters) {
        this(stackName, id, create, changes, parameters, Map.of());
    }

    /** The parameters whose value changes, in the stack's order: name to {before, after}. */
    public Map<String, List<String>> changedParameters() {
        Map<String, List<String>> changed = new java.util.LinkedHashMap<>();
        before.forEach((name, old) -> {
            String now = parameters.get(name);
            if (now != null && !now.equals(old)) {
                changed.put(name, List.of(old, now));
            }
        });
        return changed;
    }

    /** What the change set does to a resource. */
    public enum Kind {
        ADD('+'), MODIFY('~'), REMOVE('-'), OTHER('?');

        private final char symbol;

        Kind(char symbol) {
            this.symbol = symbol;
        }

        /** The preview's symbol: {@code +} add, {@code ~} modify, {@code -} remove. */
        public char symbol() {
            return symbol;
        }
    }

    /**
     * One resource's change.
     *
     * @param type        the short resource type, e.g. {@code ECS::Service}
     * @param replacement for a modify: {@code True}, {@code False} or {@code Conditional}; null otherwise
     * @param description what the resource is, in plain words
     */
    public record Change(Kind kind, String logicalId, String type, String replacement, String description) {

        /** Whether a modify replaces the resource (always or possibly). */
        public boolean replaces() {
            return "True".equals(replacement) || "Conditional".equals(replacement);
        }
    }

    public long count(Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).count();
    }
}
