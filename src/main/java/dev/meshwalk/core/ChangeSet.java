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
 */
public record ChangeSet(String stackName, String id, boolean create, List<Change> changes, Map<String, String> parameters) {

    public ChangeSet {
        changes = List.copyOf(changes);
        parameters = Map.copyOf(parameters);
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
