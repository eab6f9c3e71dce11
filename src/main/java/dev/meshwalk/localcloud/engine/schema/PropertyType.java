package dev.meshwalk.localcloud.engine.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A property's type as the schema facts write it: {@code string}, {@code integer}, {@code number},
 * {@code boolean}, {@code timestamp}, {@code json} (any value), {@code tag}, a nested type's name,
 * {@code list<T>}, {@code map<T>}, and {@code A|B} for either.
 */
public sealed interface PropertyType {

    /** A scalar: string, integer, number, boolean or timestamp. */
    record Scalar(String name) implements PropertyType {
    }

    /** Any JSON value (policy documents, dashboards' free-form parts). */
    record Any() implements PropertyType {
    }

    /** A resource tag: exactly {@code Key} and {@code Value}. */
    record Tag() implements PropertyType {
    }

    /** One of the resource's nested object types, by name. */
    record Named(String name) implements PropertyType {
    }

    record ListOf(PropertyType element) implements PropertyType {
    }

    record MapOf(PropertyType element) implements PropertyType {
    }

    /** Any one of the options (e.g. a policy given as JSON or as text). */
    record Either(List<PropertyType> options) implements PropertyType {
    }

    static PropertyType parse(String text) {
        List<String> options = splitTopLevel(text);
        if (options.size() > 1) {
            return new Either(options.stream().map(PropertyType::parse).toList());
        }
        if (text.startsWith("list<") && text.endsWith(">")) {
            return new ListOf(parse(text.substring(5, text.length() - 1)));
        }
        if (text.startsWith("map<") && text.endsWith(">")) {
            return new MapOf(parse(text.substring(4, text.length() - 1)));
        }
        return switch (text) {
            case "string", "integer", "number", "boolean", "timestamp" -> new Scalar(text);
            case "json" -> new Any();
            case "tag" -> new Tag();
            default -> {
                if (text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
                    throw new IllegalArgumentException("not a property type: '" + text + "'");
                }
                yield new Named(text);
            }
        };
    }

    private static List<String> splitTopLevel(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
