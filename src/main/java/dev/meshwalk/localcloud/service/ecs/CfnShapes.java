package dev.meshwalk.localcloud.service.ecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a template's ECS properties into the API's shapes, the way ECS itself receives them from CloudFormation:
 * {@code ContainerDefinitions[].PortMappings[].ContainerPort} becomes {@code containerDefinitions[].portMappings[]
 * .containerPort}. Member names lose their capital; maps of user keys (log options, Docker labels) keep theirs.
 * Template values arrive as text where a parameter or {@code Fn::Sub} made them, so members the API types as
 * numbers or booleans are converted back.
 */
final class CfnShapes {

    /** Members whose value is a map of user-chosen keys, copied as they are. */
    private static final Set<String> USER_KEYED = Set.of("Options", "DockerLabels", "SecretOptions");
    private static final Set<String> INTEGERS = Set.of("containerPort", "hostPort", "memoryReservation", "interval",
            "timeout", "retries", "startPeriod", "startTimeout", "stopTimeout", "desiredCount", "maximumPercent",
            "minimumHealthyPercent", "bakeTimeInMinutes", "canaryBakeTimeInMinutes", "ingressPortOverride", "port",
            "perRequestTimeoutSeconds", "idleTimeoutSeconds", "healthCheckGracePeriodSeconds", "softLimit",
            "hardLimit", "sizeInGiB");
    private static final Set<String> DOUBLES = Set.of("canaryPercent");
    private static final Set<String> BOOLEANS = Set.of("essential", "enable", "rollback", "enabled",
            "readonlyRootFilesystem", "privileged", "interactive", "pseudoTerminal", "disableNetworking",
            "initProcessEnabled", "assignPublicIp");
    /** Members CloudFormation names differently from the API. */
    private static final Map<String, String> RENAMED = Map.of("ProxyConfigurationProperties", "properties");
    /** Task-level {@code cpu}/{@code memory} are text in the API; a container's are integers. */
    private static final Set<String> TEXT_AT_TOP = Set.of("cpu", "memory");

    private CfnShapes() {
    }

    /** The template's properties in API form; {@code topLevel} marks a task definition's or service's own members. */
    static Map<String, Object> toApi(Map<String, Object> properties, boolean topLevel) {
        Map<String, Object> out = new LinkedHashMap<>();
        properties.forEach((key, value) -> {
            String name = RENAMED.getOrDefault(key, lowerFirst(key));
            Object converted = USER_KEYED.contains(key) ? value : convert(value);
            out.put(name, typed(name, converted, topLevel));
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object convert(Object value) {
        if (value instanceof Map<?, ?> map) {
            return toApi((Map<String, Object>) map, false);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CfnShapes::convert).toList();
        }
        return value;
    }

    private static Object typed(String name, Object value, boolean topLevel) {
        if (!(value instanceof String text)) {
            return topLevel && TEXT_AT_TOP.contains(name) && value instanceof Number n ? String.valueOf(n.longValue()) : value;
        }
        if (topLevel && TEXT_AT_TOP.contains(name)) {
            return text;
        }
        String trimmed = text.trim();
        if ((INTEGERS.contains(name) || TEXT_AT_TOP.contains(name)) && trimmed.matches("-?\\d+")) {
            return Long.parseLong(trimmed);
        }
        if (DOUBLES.contains(name)) {
            try {
                return Double.parseDouble(trimmed);
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (BOOLEANS.contains(name) && (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(trimmed.toLowerCase(Locale.ROOT));
        }
        return text;
    }

    static String lowerFirst(String key) {
        if (key.isEmpty() || !Character.isUpperCase(key.charAt(0))) {
            return key;
        }
        return Character.toLowerCase(key.charAt(0)) + key.substring(1);
    }
}
