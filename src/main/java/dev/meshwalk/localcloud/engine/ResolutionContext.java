package dev.meshwalk.localcloud.engine;

/**
 * What the intrinsic functions read besides the template: parameter values, the stack's identity, the values
 * of resources already made (or {@link Unknown} while planning), conditions and other stacks' exports.
 */
interface ResolutionContext {

    String region();

    String accountId();

    String stackName();

    String stackId();

    /** A parameter's resolved value ({@code String} or {@code List<String>}), or null when not a parameter. */
    Object parameter(String name);

    boolean condition(String name);

    /** The value {@code Ref} gives for a resource, or null when the resource is not in the stack. */
    Object ref(String logicalId);

    /** The value of an attribute, or {@link Unknown}; throws when the resource has no such attribute. */
    Object getAtt(String logicalId, String attribute);

    /** The value exported under this name by any stack, or null. */
    String importValue(String exportName);

    java.util.Map<String, Object> mappings();
}
