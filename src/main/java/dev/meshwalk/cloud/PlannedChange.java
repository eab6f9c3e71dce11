package dev.meshwalk.cloud;

import java.util.Optional;

/**
 * One line of a change-set preview.
 *
 * @param action      add, modify or remove
 * @param logicalId   the resource's name in the template
 * @param type        the resource type, e.g. {@code AWS::ECS::Service}
 * @param replacement for a modify: {@code True}, {@code False} or {@code Conditional} (whether CloudFormation
 *                    creates a new resource and deletes the old one)
 * @param description what the resource is, in plain words ({@link ResourceTypes})
 */
public record PlannedChange(Action action, String logicalId, String type, Optional<String> replacement,
        String description) {

    /** What the change set does to a resource. */
    public enum Action {
        ADD('+'), MODIFY('~'), REMOVE('-'), OTHER('?');

        private final char symbol;

        Action(char symbol) {
            this.symbol = symbol;
        }

        /** The preview's symbol: {@code +} add, {@code ~} modify, {@code -} remove. */
        public char symbol() {
            return symbol;
        }

        static Action of(String cloudFormationAction) {
            if (cloudFormationAction == null) {
                return OTHER;
            }
            return switch (cloudFormationAction) {
                case "Add" -> ADD;
                case "Modify" -> MODIFY;
                case "Remove" -> REMOVE;
                default -> OTHER;
            };
        }
    }

    /** Whether a modify replaces the resource (always or possibly). */
    public boolean replaces() {
        return replacement.map(r -> r.equals("True") || r.equals("Conditional")).orElse(false);
    }
}
