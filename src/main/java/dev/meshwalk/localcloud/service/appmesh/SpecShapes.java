package dev.meshwalk.localcloud.service.appmesh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two spellings of one App Mesh spec: CloudFormation's ({@code HttpRoute.Action.WeightedTargets},
 * {@code AWSCloudMap}, values as resolved template text) and the API's ({@code httpRoute.action.weightedTargets},
 * {@code awsCloudMap}, numbers as numbers). The structures are the same member for member, so converting is
 * re-keying plus giving numeric and boolean members their model types.
 */
final class SpecShapes {

    /** API member name -> CloudFormation name where it is not just the capitalised API name. */
    private static final Map<String, String> SPECIAL = Map.of("awsCloudMap", "AWSCloudMap", "dns", "DNS",
            "tls", "TLS");

    /** Members the model types as integers or longs (a duration's {@code value} is handled beside its unit). */
    private static final Set<String> NUMBERS = Set.of("port", "weight", "priority", "maxRetries", "healthyThreshold",
            "unhealthyThreshold", "intervalMillis", "timeoutMillis", "maxConnections", "maxPendingRequests",
            "maxRequests", "maxServerErrors", "maxEjectionPercent", "start", "end");

    private static final Set<String> BOOLEANS = Set.of("invert", "enforce");

    private SpecShapes() {
    }

    /** A CloudFormation {@code Spec} in the API's spelling and types. */
    static Map<String, Object> toApi(Map<?, ?> cfn) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean duration = cfn.containsKey("Unit") && cfn.containsKey("Value");
        cfn.forEach((k, v) -> {
            String key = apiName(String.valueOf(k));
            out.put(key, typed(key, toApiValue(v), duration));
        });
        return out;
    }

    /** An API spec in CloudFormation's spelling (values left as they are). */
    static Map<String, Object> toCfn(Map<?, ?> api) {
        Map<String, Object> out = new LinkedHashMap<>();
        api.forEach((k, v) -> out.put(cfnName(String.valueOf(k)), toCfnValue(v)));
        return out;
    }

    private static Object toApiValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return toApi(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(o -> out.add(toApiValue(o)));
            return out;
        }
        return v;
    }

    private static Object toCfnValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return toCfn(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(o -> out.add(toCfnValue(o)));
            return out;
        }
        return v;
    }

    private static Object typed(String key, Object value, boolean inDuration) {
        if (value instanceof String text && (NUMBERS.contains(key) || (inDuration && key.equals("value")))) {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException notANumber) {
                return value;
            }
        }
        if (value instanceof String text && BOOLEANS.contains(key)) {
            return Boolean.parseBoolean(text.trim());
        }
        return value;
    }

    private static String apiName(String cfn) {
        for (Map.Entry<String, String> e : SPECIAL.entrySet()) {
            if (e.getValue().equals(cfn)) {
                return e.getKey();
            }
        }
        return cfn.isEmpty() ? cfn : Character.toLowerCase(cfn.charAt(0)) + cfn.substring(1);
    }

    private static String cfnName(String api) {
        String special = SPECIAL.get(api);
        if (special != null) {
            return special;
        }
        return api.isEmpty() ? api : Character.toUpperCase(api.charAt(0)) + api.substring(1);
    }
}
