package dev.meshwalk.localcloud.engine;

import dev.meshwalk.localcloud.engine.schema.ObjectShape;
import dev.meshwalk.localcloud.engine.schema.PropertyType;
import dev.meshwalk.localcloud.engine.schema.ResourceSchema;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Smallest values that fit a schema: only required keys, one element per list, scalars of the right kind. */
final class SchemaSamples {

    private final ResourceSchema schema;

    SchemaSamples(ResourceSchema schema) {
        this.schema = schema;
    }

    Map<String, Object> validProperties() {
        return object(schema.shape(), new HashSet<>());
    }

    /** A valid value of a nested type, with one key the type does not have. */
    Map<String, Object> withUnknownKey(String typeName) {
        Map<String, Object> v = object(schema.types().get(typeName), new HashSet<>());
        v.put("Bogus", "x");
        return v;
    }

    private Map<String, Object> object(ObjectShape shape, Set<String> seen) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : shape.required()) {
            out.put(key, value(shape.properties().get(key), seen));
        }
        return out;
    }

    Object value(PropertyType t, Set<String> seen) {
        if (t instanceof PropertyType.Scalar s) {
            return switch (s.name()) {
                case "integer", "number" -> 1;
                case "boolean" -> true;
                default -> "x";
            };
        }
        if (t instanceof PropertyType.Tag) {
            return Map.of("Key", "k", "Value", "v");
        }
        if (t instanceof PropertyType.Named n) {
            Set<String> inner = new HashSet<>(seen);
            return inner.add(n.name()) ? object(schema.types().get(n.name()), inner) : new LinkedHashMap<>();
        }
        if (t instanceof PropertyType.ListOf l) {
            return List.of(value(l.element(), seen));
        }
        if (t instanceof PropertyType.MapOf m) {
            return Map.of("k", value(m.element(), seen));
        }
        if (t instanceof PropertyType.Either e) {
            return value(e.options().get(0), seen);
        }
        return new LinkedHashMap<>();
    }
}
