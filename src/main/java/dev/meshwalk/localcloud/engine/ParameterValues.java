package dev.meshwalk.localcloud.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stack's parameter values after defaults and previous values were applied and constraints checked:
 * {@code given} is the text each parameter has (what DescribeStacks shows), {@code resolved} what {@code Ref}
 * returns (a list for list types), {@code noEcho} which ones DescribeStacks masks.
 */
public record ParameterValues(Map<String, String> given, Map<String, Object> resolved, Set<String> noEcho) {

    public static final String MASK = "****";

    public ParameterValues {
        given = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(given));
        resolved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolved));
        noEcho = Set.copyOf(noEcho);
    }

    public static ParameterValues none() {
        return new ParameterValues(Map.of(), Map.of(), Set.of());
    }

    /** The values as clients may see them: NoEcho parameters masked. */
    public Map<String, String> visible() {
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((k, v) -> out.put(k, noEcho.contains(k) ? MASK : v));
        return out;
    }

    /** One parameter as sent in a request: a value, or "use the previous value". */
    public record Input(String key, String value, boolean usePrevious) {
    }

    static List<String> split(String commaDelimited) {
        return commaDelimited.isEmpty() ? List.of() : List.of(commaDelimited.split(",", -1)).stream().map(String::trim).toList();
    }
}
