package dev.meshwalk.localcloud.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded request, whatever protocol it came in.
 *
 * <p>awsQuery delivers every scalar as text ({@code "60"}, {@code "true"}, ISO timestamps) while CBOR and
 * JSON deliver typed values (numbers, booleans, epoch seconds). The accessors here accept both, so services
 * read {@code input.integer("Period")} without caring which client sent it. Missing members read as
 * empty; a present but malformed member is the client's fault and becomes a 400 naming the member.
 */
public final class Params {

    private final Map<String, Object> tree;

    public Params(Map<String, Object> tree) {
        this.tree = tree == null ? Map.of() : tree;
    }

    public static Params empty() {
        return new Params(Map.of());
    }

    /** The raw decoded tree, for services that pass parts of it along. */
    public Map<String, Object> tree() {
        return Collections.unmodifiableMap(tree);
    }

    public boolean has(String member) {
        return tree.get(member) != null;
    }

    public Optional<String> string(String member) {
        Object v = tree.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Map || v instanceof List) {
            throw invalid(member, "a text value");
        }
        return Optional.of(v.toString());
    }

    /** A member the operation cannot do without; its absence is a 400 naming it. */
    public String required(String member) {
        return string(member).filter(s -> !s.isEmpty())
                .orElseThrow(() -> AwsError.validation(
                        "1 validation error detected: Value null at '" + lowerFirst(member)
                                + "' failed to satisfy constraint: Member must not be null"));
    }

    public Optional<Boolean> bool(String member) {
        Object v = tree.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Boolean b) {
            return Optional.of(b);
        }
        String s = v.toString();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        throw invalid(member, "true or false");
    }

    public Optional<Double> dbl(String member) {
        Object v = tree.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        try {
            return Optional.of(Double.parseDouble(v.toString()));
        } catch (NumberFormatException e) {
            throw invalid(member, "a number");
        }
    }

    public Optional<Integer> integer(String member) {
        return dbl(member).map(d -> {
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw invalid(member, "a whole number");
            }
            return d.intValue();
        });
    }

    /** Timestamps: epoch seconds (CBOR, JSON, the CLI's rest-json) or ISO 8601 text (awsQuery). */
    public Optional<Instant> instant(String member) {
        Object v = tree.get(member);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof Instant i) {
            return Optional.of(i);
        }
        if (v instanceof Number n) {
            return Optional.of(fromEpochSeconds(n.doubleValue()));
        }
        String s = v.toString().trim();
        try {
            return Optional.of(fromEpochSeconds(Double.parseDouble(s)));
        } catch (NumberFormatException notANumber) {
            try {
                return Optional.of(OffsetDateTime.parse(s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$") ? s : s + "Z")
                        .toInstant());
            } catch (DateTimeParseException e) {
                throw invalid(member, "a timestamp");
            }
        }
    }

    /** A nested structure; absent reads as empty. */
    @SuppressWarnings("unchecked")
    public Params struct(String member) {
        Object v = tree.get(member);
        if (v == null) {
            return empty();
        }
        if (v instanceof Map<?, ?> m) {
            return new Params((Map<String, Object>) m);
        }
        throw invalid(member, "a structure");
    }

    /** A list of structures; absent or sent as an empty list ({@code Tags=}) reads as empty. */
    public List<Params> structs(String member) {
        List<Params> out = new ArrayList<>();
        for (Object o : rawList(member)) {
            if (!(o instanceof Map)) {
                throw invalid(member, "a list of structures");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) o;
            out.add(new Params(m));
        }
        return out;
    }

    /** A list of scalars as text. */
    public List<String> strings(String member) {
        List<String> out = new ArrayList<>();
        for (Object o : rawList(member)) {
            if (o instanceof Map || o instanceof List) {
                throw invalid(member, "a list of text values");
            }
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** A list of numbers (CBOR sends integral doubles as integers; query sends text). */
    public List<Double> doubles(String member) {
        List<Double> out = new ArrayList<>();
        for (Object o : rawList(member)) {
            if (o instanceof Number n) {
                out.add(n.doubleValue());
            } else {
                try {
                    out.add(Double.parseDouble(String.valueOf(o)));
                } catch (NumberFormatException e) {
                    throw invalid(member, "a list of numbers");
                }
            }
        }
        return out;
    }

    private List<?> rawList(String member) {
        Object v = tree.get(member);
        if (v == null || "".equals(v)) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        throw invalid(member, "a list");
    }

    @Override
    public String toString() {
        return new LinkedHashMap<>(tree).toString();
    }

    private static Instant fromEpochSeconds(double seconds) {
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1_000_000_000L);
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static AwsError invalid(String member, String expected) {
        return AwsError.validation("Invalid value for parameter " + member + ": expected " + expected);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
