package dev.meshwalk.localcloud.engine;

import java.util.List;
import java.util.Map;

/**
 * Reads the arguments of an intrinsic function as the types it needs (a list of n, a condition, a string), with
 * an error that says where in the template the argument was and what it was instead.
 */
final class IntrinsicArgs {

    private IntrinsicArgs() {
    }

    static List<Object> args(Object arg, int n, String where) {
        List<Object> a = list(arg, where);
        if (a.size() != n) {
            throw error(where, "expected " + n + " arguments but got " + a.size());
        }
        return a;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object v, String where) {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw error(where, "expected a list but got " + describe(v));
    }

    static boolean bool(Object v, String where) {
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(v)) || "false".equalsIgnoreCase(String.valueOf(v))) {
            return Boolean.parseBoolean(String.valueOf(v));
        }
        throw error(where, "expected a condition (true/false) but got " + describe(v));
    }

    static String text(Object v, String where) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return String.valueOf(v);
        }
        if (v instanceof Unknown) {
            return v.toString();
        }
        throw error(where, "expected a string but got " + describe(v));
    }

    static CfnException error(String where, String message) {
        return CfnException.templateFormat(where + ": " + message);
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : v instanceof Map ? "an object" : v instanceof List ? "a list" : "'" + v + "'";
    }
}
