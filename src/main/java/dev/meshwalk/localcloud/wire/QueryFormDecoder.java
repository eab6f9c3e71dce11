package dev.meshwalk.localcloud.wire;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes an {@code application/x-www-form-urlencoded} awsQuery body into the nested tree services read.
 *
 * <p>awsQuery flattens structures into dotted keys: {@code Parameters.member.2.ParameterKey} is the
 * {@code ParameterKey} of the second element of list {@code Parameters}; {@code Attributes.entry.1.key} and
 * {@code .value} form maps; any other dot nests a structure. Lists are 1-based and come back in index order.
 *
 * <p>A bare key with an empty value ({@code Tags=}, {@code NotificationARNs=}) is how clients send an
 * empty list, but without the service model it cannot be told apart from an empty string. It is kept as
 * {@code ""}: {@code Params} reads it as an empty list through its list accessors and as an empty text
 * through its text accessors, which is right for either meaning.
 */
public final class QueryFormDecoder {

    private QueryFormDecoder() {
    }

    /** Splits and percent-decodes a form body (both {@code +} and {@code %20} mean a space). */
    public static List<Map.Entry<String, String>> pairs(String form) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        if (form == null || form.isEmpty()) {
            return out;
        }
        for (String part : form.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String key = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            try {
                out.add(Map.entry(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new WireFault(WireFault.Kind.MALFORMED,
                        "The form parameter '" + abbreviate(key) + "' is not valid URL encoding: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Builds the nested tree from decoded pairs; later duplicates win. */
    public static Map<String, Object> tree(List<Map.Entry<String, String>> pairs) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs) {
            put(root, pair.getKey(), pair.getValue());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> finished = (Map<String, Object>) finish(root);
        return finished;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String key, String value) {
        String[] segments = key.split("\\.", -1);
        Map<String, Object> node = root;
        for (int i = 0; i < segments.length - 1; i++) {
            String segment = checked(segments[i], key);
            Object child = node.get(segment);
            if (child == null || "".equals(child)) {
                child = new LinkedHashMap<String, Object>();
                node.put(segment, child);
            } else if (!(child instanceof Map)) {
                throw conflict(key);
            }
            node = (Map<String, Object>) child;
        }
        String last = checked(segments[segments.length - 1], key);
        Object existing = node.get(last);
        if (existing instanceof Map) {
            if (!value.isEmpty()) {
                throw conflict(key);
            }
            return; // "Tags=" after "Tags.member.1.Key=..." adds nothing
        }
        node.put(last, value);
    }

    /** Turns {@code member.N} nodes into lists and {@code entry.N.key/value} nodes into maps, bottom-up. */
    @SuppressWarnings("unchecked")
    private static Object finish(Object node) {
        if (!(node instanceof Map)) {
            return node;
        }
        Map<String, Object> map = (Map<String, Object>) node;
        if (map.size() == 1 && map.get("member") instanceof Map<?, ?> members && allIndexes(members)) {
            List<Object> list = new ArrayList<>();
            for (Object item : byIndex((Map<String, Object>) members).values()) {
                list.add(finish(item));
            }
            return list;
        }
        if (map.size() == 1 && map.get("entry") instanceof Map<?, ?> entries && allIndexes(entries)) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Object entry : byIndex((Map<String, Object>) entries).values()) {
                if (!(entry instanceof Map<?, ?> kv) || !(kv.get("key") instanceof String k)) {
                    throw new WireFault(WireFault.Kind.MALFORMED, "A map entry has no key (expected entry.N.key)");
                }
                out.put(k, finish(kv.get("value")));
            }
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, finish(v)));
        return out;
    }

    private static boolean allIndexes(Map<?, ?> map) {
        return !map.isEmpty() && map.keySet().stream().allMatch(k -> k.toString().matches("[1-9][0-9]{0,8}"));
    }

    private static TreeMap<Integer, Object> byIndex(Map<String, Object> members) {
        TreeMap<Integer, Object> sorted = new TreeMap<>();
        members.forEach((k, v) -> sorted.put(Integer.parseInt(k), v));
        return sorted;
    }

    private static String checked(String segment, String key) {
        if (segment.isEmpty()) {
            throw new WireFault(WireFault.Kind.MALFORMED, "The form parameter '" + abbreviate(key) + "' has an empty name part");
        }
        return segment;
    }

    private static WireFault conflict(String key) {
        return new WireFault(WireFault.Kind.MALFORMED,
                "The form parameter '" + abbreviate(key) + "' is given both as a value and as a structure or list");
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
