package dev.meshwalk.localcloud.provider;

/** CloudFormation's answer to "does this change replace the resource?", as shown in a change set. */
public enum Replacement {
    TRUE, FALSE, CONDITIONAL;

    /** The spelling change sets use: {@code True}, {@code False}, {@code Conditional}. */
    public String wireName() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
