package dev.meshwalk.localcloud.engine.schema;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys an object may have (a resource's Properties, or one of its nested types), their types, which must be
 * present, and which replace the resource when changed: create-only ones always, conditional ones sometimes.
 */
public record ObjectShape(Map<String, PropertyType> properties, List<String> required, Set<String> createOnly,
                          Set<String> conditionalReplacement) {

    /** A nested type declared without properties is free-form in the registry schemas. */
    boolean isFreeForm() {
        return properties.isEmpty();
    }
}
