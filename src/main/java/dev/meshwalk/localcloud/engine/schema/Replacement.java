package dev.meshwalk.localcloud.engine.schema;

/**
 * CloudFormation's answer to "does this change replace the resource?", as a change set shows it. The answer comes
 * from the type's published schema: create-only properties replace, properties AWS marks "maybe" replace
 * conditionally, everything else updates in place.
 */
public enum Replacement {
    TRUE, FALSE, CONDITIONAL;

    /** The spelling change sets use: {@code True}, {@code False}, {@code Conditional}. */
    public String wireName() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The spelling of a change detail's {@code RequiresRecreation}: Always, Conditionally, Never. */
    public String recreation() {
        return switch (this) {
            case TRUE -> "Always";
            case CONDITIONAL -> "Conditionally";
            case FALSE -> "Never";
        };
    }
}
