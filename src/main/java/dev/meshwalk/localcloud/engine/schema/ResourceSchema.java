package dev.meshwalk.localcloud.engine.schema;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What AWS publishes about one resource type, as far as the local cloud checks it: its properties (and nested
 * types), the required and create-only ones, and the attributes {@code Fn::GetAtt} may read.
 */
public record ResourceSchema(String type, ObjectShape shape, Set<String> attributes, Map<String, ObjectShape> types) {

    public boolean hasAttribute(String name) {
        return attributes.contains(name);
    }

    /** Every way these resolved properties break the schema, in CloudFormation's wording ({@code #/Path: ...}). */
    public List<String> violations(Map<String, Object> properties) {
        return new PropertyValidator(this).check(properties);
    }

    /** Whether changing this one top-level property can replace the resource (a change detail's RequiresRecreation). */
    public Replacement replacementOf(String property) {
        if (shape.createOnly().contains(property)) {
            return Replacement.TRUE;
        }
        PropertyType t = shape.properties().get(property);
        if (shape.conditionalReplacement().contains(property) || t != null && nestsCreateOnly(t, new HashSet<>())) {
            return Replacement.CONDITIONAL;
        }
        return Replacement.FALSE;
    }

    /**
     * Whether this change replaces the resource: a changed create-only property (or a changed create-only key inside
     * a nested object) does; a changed conditional one may; anything else updates in place.
     */
    public Replacement replacement(Map<String, Object> before, Map<String, Object> after, Set<String> changed) {
        Replacement answer = Replacement.FALSE;
        for (String p : changed) {
            Replacement rule = replacementOf(p);
            if (rule == Replacement.TRUE) {
                return Replacement.TRUE;
            }
            PropertyType t = shape.properties().get(p);
            if (t != null && nestedCreateOnlyChanged(t, before.get(p), after.get(p), new HashSet<>())) {
                return Replacement.TRUE;
            }
            if (shape.conditionalReplacement().contains(p)) {
                answer = Replacement.CONDITIONAL;
            }
        }
        return answer;
    }

    ObjectShape nestedType(String name) {
        return types.get(name);
    }

    private boolean nestsCreateOnly(PropertyType t, Set<String> seen) {
        if (t instanceof PropertyType.Named n) {
            ObjectShape s = types.get(n.name());
            return s != null && seen.add(n.name()) && (!s.createOnly().isEmpty()
                    || s.properties().values().stream().anyMatch(x -> nestsCreateOnly(x, seen)));
        }
        if (t instanceof PropertyType.ListOf l) {
            return nestsCreateOnly(l.element(), seen);
        }
        if (t instanceof PropertyType.MapOf m) {
            return nestsCreateOnly(m.element(), seen);
        }
        return t instanceof PropertyType.Either e && e.options().stream().anyMatch(x -> nestsCreateOnly(x, seen));
    }

    /** Walks old and new values side by side through the type, comparing every create-only key it meets. */
    private boolean nestedCreateOnlyChanged(PropertyType t, Object before, Object after, Set<String> seen) {
        if (t instanceof PropertyType.Named n) {
            ObjectShape s = types.get(n.name());
            if (s == null || !seen.add(n.name())) {
                return false;
            }
            Map<?, ?> b = before instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> a = after instanceof Map<?, ?> m ? m : Map.of();
            boolean changed = s.createOnly().stream()
                    .anyMatch(k -> !Objects.equals(Canonical.of(b.get(k)), Canonical.of(a.get(k))));
            for (var e : s.properties().entrySet()) {
                changed |= nestedCreateOnlyChanged(e.getValue(), b.get(e.getKey()), a.get(e.getKey()), new HashSet<>(seen));
            }
            return changed;
        }
        if (t instanceof PropertyType.ListOf l) {
            List<?> b = before instanceof List<?> x ? x : List.of();
            List<?> a = after instanceof List<?> x ? x : List.of();
            boolean changed = false;
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                changed |= nestedCreateOnlyChanged(l.element(), i < b.size() ? b.get(i) : null,
                        i < a.size() ? a.get(i) : null, new HashSet<>(seen));
            }
            return changed;
        }
        if (t instanceof PropertyType.MapOf m) {
            Map<?, ?> b = before instanceof Map<?, ?> x ? x : Map.of();
            Map<?, ?> a = after instanceof Map<?, ?> x ? x : Map.of();
            Set<Object> keys = new LinkedHashSet<>(b.keySet());
            keys.addAll(a.keySet());
            return keys.stream().anyMatch(k -> nestedCreateOnlyChanged(m.element(), b.get(k), a.get(k), new HashSet<>(seen)));
        }
        return t instanceof PropertyType.Either e && e.options().stream()
                .anyMatch(x -> nestedCreateOnlyChanged(x, before, after, new HashSet<>(seen)));
    }
}
