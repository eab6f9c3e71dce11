package dev.meshwalk.localcloud.provider.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads resolved CloudFormation property maps (values may be strings or numbers, lists of maps) without casts
 * scattered through the bridges.
 */
final class Props {

    private final Map<?, ?> map;

    Props(Map<?, ?> map) {
        this.map = map == null ? Map.of() : map;
    }

    Object raw(String key) {
        return map.get(key);
    }

    String text(String key) {
        Object v = map.get(key);
        return v == null ? null : String.valueOf(v);
    }

    String text(String key, String fallback) {
        String v = text(key);
        return v == null || v.isEmpty() ? fallback : v;
    }

    int integer(String key, int fallback) {
        Object v = map.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            return fallback;
        }
        return v instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(v).trim());
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        return v == null ? fallback : Boolean.parseBoolean(String.valueOf(v));
    }

    Props child(String key) {
        Object v = map.get(key);
        return new Props(v instanceof Map<?, ?> m ? m : Map.of());
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    List<Props> list(String key) {
        List<Props> out = new ArrayList<>();
        if (map.get(key) instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    out.add(new Props(m));
                }
            }
        }
        return out;
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        if (map.get(key) instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        } else if (map.get(key) != null) {
            out.add(String.valueOf(map.get(key)));
        }
        return out;
    }

    /** {@code [{Name: k, Value: v}, ...]} (or Key/Value) as a map. */
    Map<String, String> nameValues(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Props p : list(key)) {
            String name = p.text("Name", p.text("Key"));
            if (name != null) {
                out.put(name, p.text("Value", ""));
            }
        }
        return out;
    }
}
