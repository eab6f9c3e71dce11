package dev.meshwalk.localcloud.engine;

import java.util.List;

/**
 * One entry of a change set: what will happen to one resource and why.
 *
 * @param replacement {@code True}, {@code False} or {@code Conditional}; only for {@code Modify}
 */
public record ResourceChange(
        String action,
        String logicalId,
        String physicalId,
        String resourceType,
        String replacement,
        List<String> scope,
        List<Detail> details) {

    /** Why a property changes: which property, whether that recreates, and what caused it. */
    public record Detail(
            String attribute,
            String name,
            String requiresRecreation,
            String evaluation,
            String changeSource,
            String causingEntity) {
    }
}
