package dev.meshwalk.localcloud.engine.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks resolved properties against a resource schema the way CloudFormation's registry does, and words each
 * violation as it does: {@code #: extraneous key [X] is not permitted}, {@code #/A/B: required key [C] not found},
 * {@code #/A: expected type: Integer, found: String}. Scalars are coerced as CloudFormation coerces template
 * values: {@code "3"} is a fine integer and {@code 8080} a fine string; {@code "three"} is not an integer. A value
 * that is not known yet (a change set's placeholder for what a resource will only have after it is made) is not
 * checked.
 */
final class PropertyValidator {

    private final ResourceSchema schema;
    private final List<String> violations = new ArrayList<>();

    PropertyValidator(ResourceSchema schema) {
        this.schema = schema;
    }

    List<String> check(Map<String, Object> properties) {
        object(schema.shape(), properties, "#");
        return List.copyOf(violations);
    }

    private void object(ObjectShape shape, Map<?, ?> value, String path) {
        if (shape.isFreeForm()) {
            return;
        }
        for (Object key : value.keySet()) {
            if (!shape.properties().containsKey(String.valueOf(key))) {
                violations.add(path + ": extraneous key [" + key + "] is not permitted");
            }
        }
        for (String key : shape.required()) {
            if (value.get(key) == null) {
                violations.add(path + ": required key [" + key + "] not found");
            }
        }
        for (var e : value.entrySet()) {
            PropertyType t = shape.properties().get(String.valueOf(e.getKey()));
            if (t != null && e.getValue() != null) {
                value(t, e.getValue(), path + "/" + e.getKey());
            }
        }
    }

    private void value(PropertyType t, Object v, String path) {
        if (t instanceof PropertyType.Any || !isJson(v)) {
            return;
        }
        if (t instanceof PropertyType.Scalar s) {
            if (!fits(s.name(), v)) {
                violations.add(path + ": expected type: " + expected(s.name()) + ", found: " + found(v));
            }
        } else if (t instanceof PropertyType.Tag) {
            if (isObject(v, path)) {
                object(TAG, (Map<?, ?>) v, path);
            }
        } else if (t instanceof PropertyType.Named n) {
            ObjectShape shape = schema.nestedType(n.name());
            if (shape != null && isObject(v, path)) {
                object(shape, (Map<?, ?>) v, path);
            }
        } else if (t instanceof PropertyType.ListOf l) {
            if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) != null) {
                        value(l.element(), list.get(i), path + "/" + i);
                    }
                }
            } else {
                violations.add(path + ": expected type: JSONArray, found: " + found(v));
            }
        } else if (t instanceof PropertyType.MapOf m) {
            if (isObject(v, path)) {
                ((Map<?, ?>) v).forEach((k, x) -> {
                    if (x != null) {
                        value(m.element(), x, path + "/" + k);
                    }
                });
            }
        } else if (t instanceof PropertyType.Either e) {
            either(e, v, path);
        }
    }

    /** Fine when one option fits; otherwise the violations of the option that came closest. */
    private void either(PropertyType.Either e, Object v, String path) {
        List<String> best = null;
        for (PropertyType option : e.options()) {
            PropertyValidator trial = new PropertyValidator(schema);
            trial.value(option, v, path);
            if (trial.violations.isEmpty()) {
                return;
            }
            if (best == null || trial.violations.size() < best.size()) {
                best = trial.violations;
            }
        }
        violations.addAll(best);
    }

    private static boolean isJson(Object v) {
        return v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Map || v instanceof List;
    }

    private boolean isObject(Object v, String path) {
        if (v instanceof Map) {
            return true;
        }
        violations.add(path + ": expected type: JSONObject, found: " + found(v));
        return false;
    }

    private static boolean fits(String scalar, Object v) {
        if (v instanceof Map || v instanceof List) {
            return false;
        }
        String text = String.valueOf(v).trim();
        return switch (scalar) {
            case "integer" -> v instanceof Integer || v instanceof Long || v instanceof BigInteger
                    || v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    || v instanceof String && text.matches("[-+]?\\d+");
            case "number" -> v instanceof Number || v instanceof String && isNumber(text);
            case "boolean" -> v instanceof Boolean || v instanceof String && (text.equalsIgnoreCase("true")
                    || text.equalsIgnoreCase("false"));
            default -> true;
        };
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String expected(String scalar) {
        return switch (scalar) {
            case "integer" -> "Integer";
            case "number" -> "Number";
            case "boolean" -> "Boolean";
            default -> "String";
        };
    }

    /** The JSON kind of a value, in the names CloudFormation's validator prints. */
    private static String found(Object v) {
        if (v instanceof Map) {
            return "JSONObject";
        }
        if (v instanceof List) {
            return "JSONArray";
        }
        if (v instanceof Boolean) {
            return "Boolean";
        }
        if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
            return "Integer";
        }
        return v instanceof Number ? "BigDecimal" : "String";
    }

    private static final ObjectShape TAG = new ObjectShape(
            Map.of("Key", new PropertyType.Scalar("string"), "Value", new PropertyType.Scalar("string")),
            List.of("Key", "Value"), java.util.Set.of(), java.util.Set.of());
}
