package dev.meshwalk.localcloud.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds the names a template tree refers to through {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub}
 * variables: the edges of the dependency graph, found without evaluating anything.
 */
final class References {

    private References() {
    }

    /** Every name referenced (resources, parameters and pseudo parameters alike). */
    static Set<String> of(Object tree) {
        Set<String> out = new LinkedHashSet<>();
        collect(tree, out, false);
        return out;
    }

    /** Only names read through {@code Fn::GetAtt} or {@code ${Res.Attr}}: attributes, not physical ids. */
    static Set<String> attributesOf(Object tree) {
        Set<String> out = new LinkedHashSet<>();
        collect(tree, out, true);
        return out;
    }

    /**
     * Every literal {@code resource.attribute} pair read through {@code Fn::GetAtt} (list or dotted form) or a
     * {@code ${Res.Attr}} in {@code Fn::Sub}; an attribute name computed by another function is left out.
     */
    static Set<Map.Entry<String, String>> attributeReads(Object tree) {
        Set<Map.Entry<String, String>> out = new LinkedHashSet<>();
        attributeReads(tree, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void attributeReads(Object v, Set<Map.Entry<String, String>> out) {
        if (v instanceof List<?> l) {
            l.forEach(x -> attributeReads(x, out));
            return;
        }
        if (!(v instanceof Map<?, ?> raw)) {
            return;
        }
        Map<String, Object> m = (Map<String, Object>) raw;
        Object getAtt = m.size() == 1 ? m.get("Fn::GetAtt") : null;
        Object sub = m.size() == 1 ? m.get("Fn::Sub") : null;
        if (getAtt instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String r && l.get(1) instanceof String a) {
            out.add(Map.entry(r, a));
        } else if (getAtt instanceof String s && s.indexOf('.') > 0) {
            out.add(Map.entry(s.substring(0, s.indexOf('.')), s.substring(s.indexOf('.') + 1)));
        } else if (sub != null) {
            Object pattern = sub instanceof List<?> l && !l.isEmpty() ? l.get(0) : sub;
            Set<String> locals = sub instanceof List<?> l && l.size() == 2 && l.get(1) instanceof Map<?, ?> vars
                    ? ((Map<String, Object>) vars).keySet() : Set.of();
            if (pattern instanceof String p) {
                Matcher matcher = Intrinsics.SUB_VAR.matcher(p);
                while (matcher.find()) {
                    String name = matcher.group(1).trim();
                    int dot = name.indexOf('.');
                    if (dot > 0 && !name.startsWith("!") && !name.startsWith("AWS::") && !locals.contains(name)) {
                        out.add(Map.entry(name.substring(0, dot), name.substring(dot + 1)));
                    }
                }
            }
            if (sub instanceof List<?> l && l.size() == 2) {
                attributeReads(l.get(1), out);
            }
        } else {
            m.values().forEach(x -> attributeReads(x, out));
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object v, Set<String> out, boolean attributesOnly) {
        if (v instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            if (m.size() == 1) {
                var e = m.entrySet().iterator().next();
                switch (e.getKey()) {
                    case "Ref" -> {
                        if (!attributesOnly && e.getValue() instanceof String s) {
                            out.add(s);
                        }
                        return;
                    }
                    case "Fn::GetAtt" -> {
                        if (e.getValue() instanceof List<?> l && !l.isEmpty()) {
                            out.add(String.valueOf(l.get(0)));
                        } else if (e.getValue() instanceof String s) {
                            out.add(s.contains(".") ? s.substring(0, s.indexOf('.')) : s);
                        }
                        return;
                    }
                    case "Fn::Sub" -> {
                        sub(e.getValue(), out, attributesOnly);
                        return;
                    }
                    default -> {
                    }
                }
            }
            m.values().forEach(x -> collect(x, out, attributesOnly));
        } else if (v instanceof List<?> l) {
            l.forEach(x -> collect(x, out, attributesOnly));
        }
    }

    @SuppressWarnings("unchecked")
    private static void sub(Object arg, Set<String> out, boolean attributesOnly) {
        String pattern;
        Set<String> locals = Set.of();
        if (arg instanceof String s) {
            pattern = s;
        } else if (arg instanceof List<?> l && l.size() == 2 && l.get(0) instanceof String s) {
            pattern = s;
            if (l.get(1) instanceof Map<?, ?> vars) {
                locals = ((Map<String, Object>) vars).keySet();
                collect(vars, out, attributesOnly);
            }
        } else {
            return;
        }
        Matcher m = Intrinsics.SUB_VAR.matcher(pattern);
        while (m.find()) {
            String name = m.group(1).trim();
            if (name.startsWith("!") || locals.contains(name) || name.startsWith("AWS::")) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                out.add(name.substring(0, dot));
            } else if (!attributesOnly) {
                out.add(name);
            }
        }
    }
}
