package dev.meshwalk.localcloud.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed template: its sections as plain trees (long-form intrinsics only) plus the original text, which
 * GetTemplate hands back byte for byte.
 */
public record Template(
        String body,
        String formatVersion,
        String description,
        Map<String, ParameterDecl> parameters,
        Map<String, Object> mappings,
        Map<String, Object> conditions,
        Map<String, ResourceDecl> resources,
        Map<String, Object> outputs,
        Object metadata) {

    /** One entry of the Parameters section. */
    public record ParameterDecl(
            String name, String type, String defaultValue, String description, boolean noEcho,
            List<String> allowedValues, String allowedPattern, Integer minLength, Integer maxLength,
            Double minValue, Double maxValue, String constraintDescription) {
    }

    /** One entry of the Resources section. */
    public record ResourceDecl(
            String logicalId, String type, Map<String, Object> properties, Set<String> dependsOn,
            String condition, String deletionPolicy, Object metadata) {
    }

    public Map<String, ResourceDecl> resources() {
        return new LinkedHashMap<>(resources);
    }
}
