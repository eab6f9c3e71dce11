package dev.meshwalk.localcloud.engine.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Property values as CloudFormation compares them: scalars as text, so {@code 8080} and {@code "8080"} are the
 * same value and {@code 3.0} is {@code 3}. Values of other kinds (the engine's not-yet-known marker) stay as they
 * are.
 */
public final class Canonical {

    private Canonical() {
    }

    public static Object of(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), of(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(of(x)));
            return out;
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return v instanceof String || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : v;
    }
}
