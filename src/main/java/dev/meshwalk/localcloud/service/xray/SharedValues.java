package dev.meshwalk.localcloud.service.xray;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared copy of the values that repeat across documents (service names, origins, namespaces, HTTP
 * methods): the store keeps every parsed entity, and with its own copy of each a hundred thousand
 * segments carried several hundred thousand identical strings for the garbage collector to copy. Shared
 * strings also compare by identity first when the service graph groups segments by name.
 *
 * <p>Bounded: after {@link #MAX_VALUES} distinct values, new ones are returned as they are (a flood of
 * unique names cannot grow it). Safe for concurrent parsers.
 */
final class SharedValues {

    static final int MAX_VALUES = 4096;

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>();

    /** The shared copy of {@code value} (equal to it), or {@code value} itself; null for null. */
    String share(String value) {
        if (value == null) {
            return null;
        }
        String shared = values.get(value);
        if (shared != null) {
            return shared;
        }
        if (values.size() >= MAX_VALUES) {
            return value;
        }
        shared = values.putIfAbsent(value, value);
        return shared == null ? value : shared;
    }
}
