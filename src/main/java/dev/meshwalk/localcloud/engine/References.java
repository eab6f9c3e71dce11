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
