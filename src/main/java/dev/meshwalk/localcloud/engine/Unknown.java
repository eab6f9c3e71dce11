package dev.meshwalk.localcloud.engine;

/**
 * A value that cannot be known until a resource is (re)created, such as the ARN of a resource a change set
 * will replace. Any expression touching it is itself unknown; a change set shows it as a Dynamic evaluation.
 */
public final class Unknown {

    public static final Unknown VALUE = new Unknown();

    private Unknown() {
    }

    @Override
    public String toString() {
        return "{{changeSet:KNOWN_AFTER_APPLY}}";
    }
}
